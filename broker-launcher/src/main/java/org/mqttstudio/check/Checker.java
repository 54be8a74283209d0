package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Topology;

/**
 * Finds the mosquitto pitfalls of a topology before anything runs (see MOSQUITTO.md, "Pitfalls
 * the checker should report"). Never throws: the importer can produce broken topologies, and a
 * check that fails on one is reported as a finding instead.
 */
public final class Checker {
    private static final List<Check> CHECKS = List.of(new TopicChecks(), new BridgeRuleChecks(), new BridgeChecks(),
            new ClientIdChecks(), new ListenerChecks(), new SharedFileChecks(), new ClientChecks(),
            new RouteChecks(), new QosChecks(), new EmbeddedLimitChecks());

    public Checker() {
    }

    /** The findings, errors first, then warnings, then info; in check order within each. */
    public List<Finding> check(Topology t) {
        List<Finding> findings = new ArrayList<>();
        RouteTable routes;
        try {
            routes = new Router().routes(t);
        } catch (RuntimeException e) {
            findings.add(failed("routes", e));
            routes = new RouteTable(List.of(), List.of(), List.of(), List.of());
        }
        for (Check check : CHECKS) {
            try {
                findings.addAll(check.run(t, routes));
            } catch (RuntimeException e) {
                findings.add(failed(check.getClass().getSimpleName(), e));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(findings);
    }

    private static Finding failed(String what, RuntimeException e) {
        return Finding.warning("checker-failed", null, "The checker could not finish " + what + ": " + e,
                "Report this as a Studio bug, with the topology file");
    }
}

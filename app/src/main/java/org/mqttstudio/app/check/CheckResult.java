package org.mqttstudio.app.check;

import java.util.List;

import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Topology;

/** What the live checks found for one topology: the findings and the routes. */
public record CheckResult(Topology topology, List<FindingRow> findings, RouteTable routes) {
    public CheckResult {
        findings = List.copyOf(findings);
    }
}

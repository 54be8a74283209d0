package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.RemoteSubscriptions;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Topology;

/** Bridge topic lines: patterns, prefixes and the filters they join into. */
final class BridgeRuleChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Bridge b : t.bridges()) {
            for (BridgeRule r : b.rules()) {
                check(b, r, out);
            }
            cancelled(t, b, out);
        }
        return out;
    }

    /** An out line that unsubscribes on the remote what an earlier in/both line subscribed. */
    private static void cancelled(Topology t, Bridge b, List<Finding> out) {
        List<BridgeRule> rules = b.rules();
        for (int i = 0; i < rules.size(); i++) {
            BridgeRule r = rules.get(i);
            RemoteSubscriptions.cancelledBy(rules, i).ifPresent(by -> out.add(Finding.warning(
                    "bridge-rule-cancelled", b.id(), b.name() + "'s rule '" + RuleText.of(by) + "' unsubscribes "
                            + r.remoteFilter() + " on " + t.nameOf(b.to()) + " after '" + RuleText.of(r)
                            + "' subscribed it (bridge_attempt_unsubscribe), so that rule brings nothing in",
                    "Remove the line '" + RuleText.of(by) + "', or make it 'both'")));
        }
    }

    private static void check(Bridge b, BridgeRule r, List<Finding> out) {
        String line = "'" + RuleText.of(r) + "'";
        String where = b.name() + "'s rule " + line;
        for (String prefix : new String[] {r.localPrefix(), r.remotePrefix()}) {
            if (prefix != null && Topics.hasWildcard(prefix)) {
                out.add(Finding.error("bridge-prefix-wildcard", b.id(), where + " has the prefix '" + prefix
                        + "' with a wildcard: mosquitto refuses to start",
                        "Remove '+' and '#' from the prefix; put wildcards in the pattern"));
                return;
            }
        }
        for (String filter : new String[] {r.localFilter(), r.remoteFilter()}) {
            var problem = Topics.filterProblem(filter);
            if (problem.isPresent()) {
                out.add(Finding.error("bridge-invalid-filter", b.id(), where + " makes the filter '" + filter
                        + "', which is not valid: " + problem.get(),
                        "Fix the pattern (e.g. srv/#) so that prefix + pattern is a valid filter"));
                return;
            }
        }
        for (String prefix : new String[] {r.localPrefix(), r.remotePrefix()}) {
            if (prefix != null && !prefix.isEmpty() && !prefix.endsWith("/") && !r.pattern().isEmpty()
                    && !r.pattern().startsWith("/")) {
                out.add(Finding.warning("bridge-prefix-slash", b.id(), where + " joins the prefix '" + prefix
                        + "' and the pattern literally into '" + prefix + r.pattern() + "': probably a missing '/'",
                        "End the prefix with '/': '" + prefix + "/'"));
            }
        }
    }
}

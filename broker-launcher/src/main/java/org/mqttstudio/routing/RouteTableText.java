package org.mqttstudio.routing;

import java.util.stream.Collectors;
import org.mqttstudio.topology.Topology;

/** The route table as plain text for the command line, with element names rather than ids. */
public final class RouteTableText {
    private RouteTableText() {
    }

    public static String format(Topology t, RouteTable table) {
        StringBuilder out = new StringBuilder();
        out.append("Routes (").append(table.routes().size()).append(")\n");
        for (Route r : table.routes()) {
            out.append("  ").append(t.nameOf(r.publisherId())).append(" -> ").append(t.nameOf(r.subscriberId()))
                    .append(" (filter ").append(r.filter()).append("), QoS ").append(r.qos()).append('\n')
                    .append("    ").append(path(t, r)).append('\n');
        }
        if (!table.unreached().isEmpty()) {
            out.append("Subscriptions nothing reaches (").append(table.unreached().size()).append(")\n");
            table.unreached().forEach(u -> out.append("  ").append(t.nameOf(u.subscriberId())).append(' ')
                    .append(u.filter()).append(": ").append(u.reason()).append('\n'));
        }
        if (!table.unheard().isEmpty()) {
            out.append("Publishers nobody hears (").append(table.unheard().size()).append(")\n");
            table.unheard().forEach(u -> out.append("  ").append(t.nameOf(u.publisherId())).append(": ")
                    .append(u.reason()).append('\n'));
        }
        if (!table.loops().isEmpty()) {
            out.append("Loops (").append(table.loops().size()).append(")\n");
            table.loops().forEach(l -> out.append("  ")
                    .append(l.bridgeIds().stream().map(t::nameOf).collect(Collectors.joining(", "))).append(": ")
                    .append(l.explanation()).append('\n'));
        }
        return out.toString();
    }

    /** E.g. {@code BridgeBroker1 [srv/humidity, QoS 2] -> bridge1_central -> Central [srv/humidity, QoS 2]}. */
    public static String path(Topology t, Route r) {
        return r.hops().stream().map(h -> (h.viaBridgeId() == null ? "" : t.nameOf(h.viaBridgeId()) + " -> ")
                + t.nameOf(h.brokerId()) + " [" + h.topic() + ", QoS " + h.qos() + "]")
                .collect(Collectors.joining(" -> "));
    }
}

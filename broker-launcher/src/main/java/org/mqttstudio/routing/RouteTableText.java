package org.mqttstudio.routing;

import java.util.List;
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
        List<Arrival> overlaps = table.arrivals().stream().filter(Arrival::overlapping).toList();
        if (!overlaps.isEmpty()) {
            out.append("Overlapping filters (").append(overlaps.size()).append(")\n");
            overlaps.forEach(a -> out.append("  ").append(overlap(t, a)).append('\n'));
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

    /**
     * How many copies of each message a subscriber with overlapping filters receives on each runtime,
     * e.g. "S0 gets each of P1's messages on a/b through 2 filters (+/b, #) as an MQTT 5 client: embedded
     * (HiveMQ) 1 copy carrying every matching subscription identifier, mosquitto 2 copies, one per filter
     * at its QoS with its identifier".
     */
    public static String overlap(Topology t, Arrival a) {
        String head = t.nameOf(a.subscriberId()) + " gets each of " + t.nameOf(a.publisherId()) + "'s messages on "
                + a.topic() + " through " + a.routes().size() + " filters (" + String.join(", ", a.filters()) + ")";
        if (a.copies(OverlapPolicy.COPY_PER_SUBSCRIPTION) == 1) {
            return head + " as an MQTT 3.1.1 client: 1 copy at the highest QoS on both runtimes";
        }
        return head + " as an MQTT 5 client: embedded (HiveMQ) " + a.copies(OverlapPolicy.ONE_COPY)
                + " copy carrying every matching subscription identifier, mosquitto "
                + a.copies(OverlapPolicy.COPY_PER_SUBSCRIPTION) + " copies, one per filter at its QoS with its "
                + "identifier";
    }

    /** E.g. {@code BridgeBroker1 [srv/humidity, QoS 2] -> bridge1_central -> Central [srv/humidity, QoS 2]}. */
    public static String path(Topology t, Route r) {
        return r.hops().stream().map(h -> (h.viaBridgeId() == null ? "" : t.nameOf(h.viaBridgeId()) + " -> ")
                + t.nameOf(h.brokerId()) + " [" + h.topic() + ", QoS " + h.qos() + "]")
                .collect(Collectors.joining(" -> "));
    }
}

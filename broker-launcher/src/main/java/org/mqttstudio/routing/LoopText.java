package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Topology;

/** Builds a {@link Loop} from the hops of a cycle, with an explanation in element names. */
final class LoopText {
    private LoopText() {
    }

    /**
     * @param cycle the hops from where the cycle starts to its last broker
     * @param closingBridgeId the bridge that brings the message back to the first hop's broker
     * @param growing whether the topic grows on each round (found by the depth bound)
     */
    static Loop loop(Topology t, List<Hop> cycle, String closingBridgeId, boolean growing) {
        List<String> bridges = new ArrayList<>();
        cycle.stream().skip(1).forEach(h -> bridges.add(h.viaBridgeId()));
        bridges.add(closingBridgeId);
        List<String> brokers = cycle.stream().map(Hop::brokerId).toList();
        String topic = cycle.get(0).topic();

        StringBuilder way = new StringBuilder(t.nameOf(brokers.get(0)));
        for (int i = 0; i < bridges.size(); i++) {
            String to = brokers.get((i + 1) % brokers.size());
            way.append(" -> ").append(t.nameOf(to)).append(" (").append(t.nameOf(bridges.get(i))).append(')');
        }
        StringBuilder text = new StringBuilder(topic).append(" goes ").append(way)
                .append(" and round again: every message is copied without end");
        if (growing) {
            text.append("; the topic grows by a prefix on every round (").append(topic).append(" on ")
                    .append(t.nameOf(brokers.get(0))).append(" first), so it never settles");
        }
        String echoing = bridges.stream().distinct().map(t::bridge)
                .flatMap(java.util.Optional::stream).filter(b -> !b.tryPrivate()).map(Bridge::name)
                .collect(Collectors.joining(", "));
        if (!echoing.isEmpty()) {
            text.append("; ").append(echoing).append(" has try_private false, so its remote sends the bridge's own")
                    .append(" messages back");
        }
        return new Loop(bridges.stream().distinct().toList(), brokers.stream().distinct().toList(), topic,
                text.toString());
    }
}

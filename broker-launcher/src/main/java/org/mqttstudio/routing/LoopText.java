package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.mqttstudio.topology.Topology;

/** Builds a {@link Loop} from the hops of a cycle, with an explanation in element names. */
final class LoopText {
    private LoopText() {
    }

    /** Identifies one loop however it was entered: its sets of bridges and brokers. */
    static String key(Collection<String> bridgeIds, Collection<String> brokerIds) {
        return new TreeSet<>(bridgeIds) + "|" + new TreeSet<>(brokerIds);
    }

    /**
     * @param cycle the hops from where the cycle starts to its last broker
     * @param closingBridgeId the bridge that brings the message back to the first hop's broker
     * @param growth for a topic that grows on each round (found by the depth bound), its first
     *     forms where the cycle starts; empty otherwise
     */
    static Loop loop(Topology t, List<Hop> cycle, String closingBridgeId, List<String> growth) {
        List<String> bridges = new ArrayList<>();
        cycle.stream().skip(1).forEach(h -> bridges.add(h.viaBridgeId()));
        bridges.add(closingBridgeId);
        List<String> brokers = cycle.stream().map(Hop::brokerId).toList();
        String topic = growth.isEmpty() ? cycle.get(0).topic() : growth.get(0);

        StringBuilder way = new StringBuilder(t.nameOf(brokers.get(0)));
        for (int i = 0; i < bridges.size(); i++) {
            String to = brokers.get((i + 1) % brokers.size());
            way.append(" -> ").append(t.nameOf(to)).append(" (").append(t.nameOf(bridges.get(i))).append(')');
        }
        StringBuilder text = new StringBuilder(topic).append(" goes ").append(way)
                .append(" and round again: every message is copied without end");
        if (!growth.isEmpty()) {
            text.append("; the topic grows by a prefix on every round (").append(String.join(", ", growth))
                    .append(", ...), so it never settles");
        }
        return new Loop(bridges.stream().distinct().toList(), brokers.stream().distinct().toList(), topic,
                text.toString());
    }
}

package org.mqttstudio.mosquitto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/**
 * Places imported brokers in columns by bridge depth (bridge sources left, sinks right), in file
 * order within a column, so that an imported topology reads left to right like the course's drawings.
 */
final class AutoLayout {
    static final double LEFT = 100;
    static final double TOP = 100;
    static final double COLUMN = 280;
    static final double ROW = 180;

    private AutoLayout() {
    }

    static Topology apply(Topology t) {
        Map<String, Integer> depth = depths(t);
        Map<Integer, Integer> rowsUsed = new HashMap<>();
        Map<String, Position> positions = new HashMap<>();
        for (Node n : t.nodes()) {
            int column = depth.getOrDefault(n.id(), 0);
            int row = rowsUsed.merge(column, 1, Integer::sum) - 1;
            positions.put(n.id(), new Position(LEFT + COLUMN * column, TOP + ROW * row));
        }
        List<Broker> brokers = t.brokers().stream().map(b -> b.withPosition(positions.get(b.id()))).toList();
        List<ExternalBroker> externals = t.externalBrokers().stream()
                .map(b -> b.withPosition(positions.get(b.id()))).toList();
        return new Topology(t.format(), t.version(), t.name(), brokers, externals, t.bridges(), t.publishers(),
                t.subscribers());
    }

    /** Longest bridge path to each node; relaxation stops after one pass per node so that loops end. */
    static Map<String, Integer> depths(Topology t) {
        Map<String, Integer> depth = new HashMap<>();
        int nodes = t.nodes().size();
        for (int pass = 0; pass < nodes; pass++) {
            boolean changed = false;
            for (Bridge b : t.bridges()) {
                int candidate = depth.getOrDefault(b.from(), 0) + 1;
                if (candidate > depth.getOrDefault(b.to(), 0) && candidate < nodes) {
                    depth.put(b.to(), candidate);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return depth;
    }
}

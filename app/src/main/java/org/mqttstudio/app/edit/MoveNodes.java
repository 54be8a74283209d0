package org.mqttstudio.app.edit;

import java.util.Map;

import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/** Moves nodes to new positions: one drag of one or more selected nodes. */
public record MoveNodes(Map<String, Position> positions) implements Edit {
    public MoveNodes {
        positions = Map.copyOf(positions);
    }

    @Override
    public String description() {
        return positions.size() == 1 ? "Move" : "Move " + positions.size() + " elements";
    }

    @Override
    public Topology apply(Topology before) {
        Topology t = before;
        for (Map.Entry<String, Position> e : positions.entrySet()) {
            var node = t.node(e.getKey());
            if (node.isPresent()) {
                t = t.withNode(node.get().withPosition(e.getValue()));
            }
        }
        return t;
    }
}

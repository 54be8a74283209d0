package org.mqttstudio.app.edit;

import java.util.List;

import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Topology;

/** Adds nodes, then bridges (which may join the new nodes): creating, connecting, pasting. */
public record AddElements(String description, List<Node> nodes, List<Bridge> bridges) implements Edit {
    public AddElements {
        nodes = List.copyOf(nodes);
        bridges = List.copyOf(bridges);
    }

    public static AddElements node(Node node) {
        return new AddElements("Add " + node.name(), List.of(node), List.of());
    }

    public static AddElements bridge(Bridge bridge) {
        return new AddElements("Add bridge " + bridge.name(), List.of(), List.of(bridge));
    }

    @Override
    public Topology apply(Topology before) {
        Topology t = before;
        for (Node n : nodes) {
            t = t.withNode(n);
        }
        for (Bridge b : bridges) {
            t = t.withBridge(b);
        }
        return t;
    }
}

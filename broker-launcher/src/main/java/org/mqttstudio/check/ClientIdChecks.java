package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mqttstudio.routing.ClientIds;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * Client ids that meet on one broker: clients, bridges arriving (remote client id) and bridges
 * leaving (local client id). The second connection kicks the first off, and with automatic
 * reconnection they take turns for ever.
 */
final class ClientIdChecks implements Check {
    /** One connection to a broker: its client id, the element and how to name it. */
    private record Connection(String clientId, String shownId, String elementId, String label, boolean defaulted) {
    }

    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Node node : t.nodes()) {
            if (node instanceof Publisher || node instanceof Subscriber) {
                continue;
            }
            Map<String, List<Connection>> byId = connections(t, node.id()).stream()
                    .collect(Collectors.groupingBy(Connection::clientId, LinkedHashMap::new, Collectors.toList()));
            byId.values().stream().filter(c -> c.size() > 1).forEach(c -> out.add(collision(node, c)));
        }
        return out;
    }

    private static List<Connection> connections(Topology t, String nodeId) {
        List<Connection> all = new ArrayList<>();
        t.publishersOn(nodeId).forEach(p -> all.add(new Connection(p.client().clientId(), p.client().clientId(),
                p.id(), "publisher " + p.name(), false)));
        t.subscribersOn(nodeId).forEach(s -> all.add(new Connection(s.client().clientId(), s.client().clientId(),
                s.id(), "subscriber " + s.name(), false)));
        for (Bridge b : t.bridgesTo(nodeId)) {
            all.add(new Connection(ClientIds.remote(t, b), ClientIds.remoteForDisplay(b), b.id(),
                    "bridge " + b.name() + " (from " + t.nameOf(b.from()) + ")", b.remoteClientId() == null));
        }
        for (Bridge b : t.bridgesFrom(nodeId)) {
            all.add(new Connection(ClientIds.local(t, b), ClientIds.localForDisplay(b), b.id(),
                    "bridge " + b.name() + "'s local side",
                    b.localClientId() == null));
        }
        return all;
    }

    private static Finding collision(Node node, List<Connection> same) {
        String who = same.stream().map(Connection::label).collect(Collectors.joining(" and "));
        boolean defaults = same.stream().anyMatch(Connection::defaulted);
        String why = defaults ? " (a bridge's default client id contains the hostname, and brokers with the same"
                + " host run on one machine)" : "";
        return Finding.error("client-id-collision", same.get(same.size() - 1).elementId(),
                who + " connect to " + node.name() + " with the same client id " + same.get(0).shownId() + why
                        + ": each connection kicks the other off, again and again",
                "Give each its own client id (remote_clientid / local_clientid for a bridge, or a different"
                        + " bridge name)");
    }
}

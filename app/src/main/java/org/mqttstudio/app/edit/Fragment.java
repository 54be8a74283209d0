package org.mqttstudio.app.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * Copied elements: the selected nodes and the bridges whose both ends were copied. Pasting gives
 * every element a fresh id and name, brokers fresh ports and clients fresh client ids, so the
 * result is a second, independent copy; a pasted client whose broker was not copied stays on it.
 */
public record Fragment(List<Node> nodes, List<Bridge> bridges) {
    public Fragment {
        nodes = List.copyOf(nodes);
        bridges = List.copyOf(bridges);
    }

    public static Fragment copy(Topology t, Set<String> ids) {
        List<Node> nodes = t.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<Bridge> bridges = t.bridges().stream()
                .filter(b -> ids.contains(b.from()) && ids.contains(b.to())).toList();
        return new Fragment(nodes, bridges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The edit that pastes this fragment into {@code t}, shifted by ({@code dx}, {@code dy}). */
    public AddElements pasteInto(Topology t, double dx, double dy) {
        Map<String, String> newIds = new HashMap<>();
        Topology work = t;
        List<Node> pasted = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Publisher || n instanceof Subscriber) {
                continue;
            }
            Node copy = copyNode(work, n, new Position(n.position().x() + dx, n.position().y() + dy));
            newIds.put(n.id(), copy.id());
            work = work.withNode(copy);
            pasted.add(copy);
        }
        for (Node n : nodes) {
            if (!(n instanceof Publisher || n instanceof Subscriber)) {
                continue;
            }
            String original = n instanceof Publisher p ? p.broker() : ((Subscriber) n).broker();
            String broker = newIds.getOrDefault(original, original);
            if (work.node(broker).isEmpty()) {
                continue;
            }
            Node copy = copyClient(work, n, broker, new Position(n.position().x() + dx, n.position().y() + dy));
            work = work.withNode(copy);
            pasted.add(copy);
        }
        List<Bridge> pastedBridges = new ArrayList<>();
        for (Bridge b : bridges) {
            Bridge named = NewElements.bridge(work, newIds.get(b.from()), newIds.get(b.to()));
            Bridge copy = new Bridge(named.id(), named.name(), named.from(), named.to(), b.rules(), b.cleanSession(),
                    b.localCleanSession(), null, null, b.remoteUsername(), b.remotePassword(), b.localUsername(),
                    b.localPassword(), b.protocolVersion(), b.keepalive(), b.notifications(), null, b.startType(),
                    b.restartTimeout(), b.tryPrivate(), b.extraOptions());
            work = work.withBridge(copy);
            pastedBridges.add(copy);
        }
        return new AddElements("Paste", pasted, pastedBridges);
    }

    private static Node copyNode(Topology t, Node n, Position at) {
        String id = t.freshId(stem(n.id()));
        String name = n.name().equals(n.id()) ? id : n.name() + " copy";
        if (n instanceof Broker b) {
            Set<Integer> taken = new HashSet<>();
            List<Listener> listeners = new ArrayList<>();
            for (Listener l : b.listeners()) {
                int port = NewElements.freePort(t, l.port());
                while (!taken.add(port)) {
                    port = NewElements.freePort(t, port + 1);
                }
                listeners.add(l.withPort(port));
            }
            return new Broker(id, name, b.host(), listeners, b.allowAnonymous(), b.users(), b.acl(), b.persistence(),
                    b.logging(), b.limits(), b.extraOptions(), at);
        }
        ExternalBroker e = (ExternalBroker) n;
        return new ExternalBroker(id, name, e.host(), e.port(), at);
    }

    private static Node copyClient(Topology t, Node n, String broker, Position at) {
        if (n instanceof Publisher p) {
            int k = NewElements.freshNumber(t, "publisher");
            String id = t.freshId(stem(p.id()));
            return new Publisher(id, p.name().equals(p.id()) ? id : p.name() + " copy", broker,
                    p.client().withClientId("publisher" + k), p.topic(), p.payload(), p.intervalMs(), p.count(), p.qos(),
                    p.retain(), at);
        }
        Subscriber s = (Subscriber) n;
        int k = NewElements.freshNumber(t, "subscriber");
        String id = t.freshId(stem(s.id()));
        return new Subscriber(id, s.name().equals(s.id()) ? id : s.name() + " copy", broker,
                s.client().withClientId("subscriber" + k), s.subscriptions(), at);
    }

    /** The id without its trailing number, so copies of {@code broker2} are {@code broker3…}. */
    private static String stem(String id) {
        String stem = id.replaceFirst("[0-9]+$", "");
        return stem.isEmpty() ? "copy" : stem;
    }
}

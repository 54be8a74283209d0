package org.mqttstudio.app.edit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * New elements with the designer's defaults, named so they are unique in a topology: brokers
 * {@code broker1, broker2…} on the next free port from 1883 with anonymous access (as the course's
 * brokers), clients whose client id is their element id ({@code publisher1}, {@code subscriber1}: one
 * rule for both kinds, so a user never has to guess where an underscore goes), bridges {@code bridge_<from>_<to>} with mosquitto's defaults and {@code # out 0}.
 */
public final class NewElements {
    public static final int FIRST_PORT = 1883;
    public static final String DEFAULT_TOPIC = "srv/topic";

    private NewElements() {
    }

    public static Broker broker(Topology t, Position at) {
        String id = t.freshId("broker");
        return Broker.simple(id, id, freePort(t, FIRST_PORT), true, at);
    }

    public static ExternalBroker externalBroker(Topology t, Position at) {
        String id = t.freshId("external");
        return new ExternalBroker(id, id, "127.0.0.1", freePort(t, FIRST_PORT), at);
    }

    public static Publisher publisher(Topology t, String brokerId, Position at) {
        int n = freshNumber(t, "publisher");
        return new Publisher("publisher" + n, "publisher" + n, brokerId, ClientSettings.of("publisher" + n),
                DEFAULT_TOPIC, "message {seq}", null, null, 0, false, at);
    }

    public static Subscriber subscriber(Topology t, String brokerId, Position at) {
        int n = freshNumber(t, "subscriber");
        return new Subscriber("subscriber" + n, "subscriber" + n, brokerId, ClientSettings.of("subscriber" + n),
                List.of(new Subscription("srv/#", 0)), at);
    }

    public static Bridge bridge(Topology t, String fromId, String toId) {
        String base = "bridge_" + fromId + "_" + toId;
        String id = base;
        for (int n = 2; t.node(id).isPresent() || t.bridge(id).isPresent(); n++) {
            id = base + "_" + n;
        }
        return Bridge.simple(id, id, fromId, toId, List.of(BridgeRule.out("#", 0)));
    }

    /** The first port from {@code from} up that no listener or external broker of {@code t} uses. */
    public static int freePort(Topology t, int from) {
        Set<Integer> used = new HashSet<>();
        t.brokers().forEach(b -> b.listeners().stream().map(Listener::port).forEach(used::add));
        t.externalBrokers().forEach(e -> used.add(e.port()));
        int port = from;
        while (used.contains(port)) {
            port++;
        }
        return port;
    }

    /** The smallest n from 1 with {@code prefix+n} neither an element id nor a client id. */
    static int freshNumber(Topology t, String prefix) {
        Set<String> clientIds = new HashSet<>();
        Stream.concat(t.publishers().stream().map(p -> p.client().clientId()),
                t.subscribers().stream().map(s -> s.client().clientId())).forEach(clientIds::add);
        int n = 1;
        while (t.node(prefix + n).isPresent() || t.bridge(prefix + n).isPresent() || clientIds.contains(prefix + n)) {
            n++;
        }
        return n;
    }
}

package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.MqttVersion;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

/**
 * Small topologies for tests: brokers get their own port (from 20001) unless told otherwise,
 * everything is anonymous and open unless a test changes it through the {@code with} hooks.
 */
public final class TopologyBuilder {
    public static final String HASH = "$7$101$c2FsdA==$aGFzaA==";

    private final List<Broker> brokers = new ArrayList<>();
    private final List<ExternalBroker> externals = new ArrayList<>();
    private final List<Bridge> bridges = new ArrayList<>();
    private final List<Publisher> publishers = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int nextPort = 20001;

    public static TopologyBuilder topology() {
        return new TopologyBuilder();
    }

    public TopologyBuilder broker(String id) {
        return broker(id, b -> b);
    }

    public TopologyBuilder broker(String id, UnaryOperator<Broker> change) {
        brokers.add(change.apply(Broker.simple(id, id, nextPort++, true, null)));
        return this;
    }

    public TopologyBuilder external(String id) {
        externals.add(new ExternalBroker(id, id, "mqtt.example.org", 1883, null));
        return this;
    }

    public TopologyBuilder bridge(String id, String from, String to, BridgeRule... rules) {
        return bridge(id, from, to, b -> b, rules);
    }

    public TopologyBuilder bridge(String id, String from, String to, UnaryOperator<Bridge> change, BridgeRule... rules) {
        bridges.add(change.apply(Bridge.simple(id, id, from, to, List.of(rules))));
        return this;
    }

    public TopologyBuilder pub(String id, String broker, String topic, int qos) {
        return pub(id, broker, topic, qos, p -> p);
    }

    public TopologyBuilder pub(String id, String broker, String topic, int qos, UnaryOperator<Publisher> change) {
        publishers.add(change.apply(new Publisher(id, id, broker, ClientSettings.of(id), topic, "x", null, null, qos,
                false, null)));
        return this;
    }

    public TopologyBuilder sub(String id, String broker, String filter, int qos) {
        return sub(id, broker, s -> s, new Subscription(filter, qos));
    }

    public TopologyBuilder sub(String id, String broker, UnaryOperator<Subscriber> change, Subscription... subs) {
        subscribers.add(change.apply(new Subscriber(id, id, broker, ClientSettings.of(id), List.of(subs), null)));
        return this;
    }

    public Topology build() {
        return Topology.of("test", brokers, externals, bridges, publishers, subscribers);
    }

    /**
     * Issue 16's topology, designed on ports 1883 (b0) and 1884 (b1): b1 bridges to b0 ({@code # both 2} and
     * {@code # in 2 "" out/}), P1 on b1 sends {@code count} messages on a/b at QoS 2, 100 ms apart; on b0 the MQTT 5
     * subscriber S0 and the 3.1.1 subscriber S3 each have the filters +/b at QoS 1 and # at QoS 0.
     */
    public static Topology overlappingFilters(int count) {
        List<Subscription> filters = List.of(new Subscription("+/b", 1), new Subscription("#", 0));
        return Topology.of("overlap",
                List.of(Broker.simple("b0", "b0", 1883, true, null), Broker.simple("b1", "b1", 1884, true, null)),
                List.of(),
                List.of(Bridge.simple("b1_b0", "b1_b0", "b1", "b0", List.of(both("#", 2),
                        rule("#", Direction.IN, 2, "", "out/")))),
                List.of(new Publisher("P1", "P1", "b1", ClientSettings.of("P1"), "a/b", "P1 #{seq}", 100, count, 2,
                        false, null)),
                List.of(new Subscriber("S0", "S0", "b0", new ClientSettings("S0", MqttVersion.V5, null, null, null,
                                null), filters, null),
                        new Subscriber("S3", "S3", "b0", ClientSettings.of("S3"), filters, null)));
    }

    // Rules

    public static BridgeRule out(String pattern, int qos) {
        return BridgeRule.out(pattern, qos);
    }

    public static BridgeRule in(String pattern, int qos) {
        return new BridgeRule(pattern, Direction.IN, qos, null, null);
    }

    public static BridgeRule both(String pattern, int qos) {
        return new BridgeRule(pattern, Direction.BOTH, qos, null, null);
    }

    public static BridgeRule rule(String pattern, Direction d, int qos, String localPrefix, String remotePrefix) {
        return new BridgeRule(pattern, d, qos, localPrefix, remotePrefix);
    }

    // Broker changes

    public static UnaryOperator<Broker> ports(int... ports) {
        return b -> new Broker(b.id(), b.name(), b.host(), java.util.Arrays.stream(ports).mapToObj(Listener::mqtt).toList(),
                b.allowAnonymous(), b.users(), b.acl(), b.persistence(), b.logging(), b.limits(), null, null);
    }

    public static UnaryOperator<Broker> host(String host) {
        return b -> new Broker(b.id(), b.name(), host, b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), b.logging(), b.limits(), null, null);
    }

    /** No anonymous access; the given users exist. */
    public static UnaryOperator<Broker> users(String... names) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), false,
                java.util.Arrays.stream(names).map(n -> new User(n, HASH)).toList(), b.acl(), b.persistence(),
                b.logging(), b.limits(), null, null);
    }

    public static UnaryOperator<Broker> acl(AclRule... rules) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(),
                List.of(rules), b.persistence(), b.logging(), b.limits(), null, null);
    }

    public static AclRule userRule(String user, AclAccess access, String topic) {
        return new AclRule(user, false, access, topic);
    }

    public static AclRule pattern(AclAccess access, String topic) {
        return new AclRule(null, true, access, topic);
    }

    public static UnaryOperator<Broker> maxQos(int qos) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), b.logging(), new BrokerLimits(qos, null, null, null, null), null, null);
    }

    public static UnaryOperator<Broker> persistence(String location) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                new Persistence(true, location, null), b.logging(), b.limits(), null, null);
    }

    public static UnaryOperator<Broker> logFile(String path) {
        return b -> new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), new Logging(List.of("file " + path), List.of(), null), b.limits(), null, null);
    }

    // Bridge changes

    public static UnaryOperator<Bridge> remoteUser(String user, String password) {
        return b -> new Bridge(b.id(), b.name(), b.from(), b.to(), b.rules(), b.cleanSession(), null, b.remoteClientId(),
                b.localClientId(), user, password, null, null, null, b.keepalive(), b.notifications(), null,
                b.startType(), null, b.tryPrivate(), null);
    }

    public static UnaryOperator<Bridge> named(String name) {
        return b -> new Bridge(b.id(), name, b.from(), b.to(), b.rules(), b.cleanSession(), null, b.remoteClientId(),
                b.localClientId(), b.remoteUsername(), b.remotePassword(), null, null, null, b.keepalive(),
                b.notifications(), null, b.startType(), null, b.tryPrivate(), null);
    }

    public static UnaryOperator<Bridge> clientIds(String remote, String local) {
        return b -> new Bridge(b.id(), b.name(), b.from(), b.to(), b.rules(), b.cleanSession(), null, remote, local,
                b.remoteUsername(), b.remotePassword(), null, null, null, b.keepalive(), b.notifications(), null,
                b.startType(), null, b.tryPrivate(), null);
    }

    /** Clean session, keepalive, notifications, start type and try_private at once; null keeps the default. */
    public static UnaryOperator<Bridge> options(Boolean cleanSession, Integer keepalive, Boolean notifications,
            StartType startType, Boolean tryPrivate) {
        return b -> new Bridge(b.id(), b.name(), b.from(), b.to(), b.rules(), cleanSession, null, b.remoteClientId(),
                b.localClientId(), b.remoteUsername(), b.remotePassword(), null, null, null, keepalive, notifications,
                null, startType, null, tryPrivate, null);
    }

    // Client changes

    public static UnaryOperator<Publisher> pubClient(String clientId, String username) {
        return p -> new Publisher(p.id(), p.name(), p.broker(), new ClientSettings(clientId, null, username, null, null,
                null), p.topic(), p.payload(), null, null, p.qos(), false, null);
    }

    public static UnaryOperator<Publisher> payload(String template) {
        return p -> new Publisher(p.id(), p.name(), p.broker(), p.client(), p.topic(), template, null, null, p.qos(),
                false, null);
    }

    public static UnaryOperator<Subscriber> subClient(String clientId, String username) {
        return s -> new Subscriber(s.id(), s.name(), s.broker(), new ClientSettings(clientId, null, username, null, null,
                null), s.subscriptions(), null);
    }
}

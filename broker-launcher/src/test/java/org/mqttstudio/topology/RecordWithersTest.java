package org.mqttstudio.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The records' typed {@code with…} methods, which the property sheet edits through: each sets its one field
 * (setting it back gives the record it came from) and goes through the validating constructor.
 */
class RecordWithersTest {
    private final Topology challenge = Samples.load("challenge");
    private final Broker broker = challenge.broker("central").orElseThrow();
    private final Bridge bridge = challenge.bridge("bridge1_central").orElseThrow();
    private final Publisher publisher = challenge.publishers().get(0);
    private final Subscriber subscriber = challenge.subscribers().get(0);

    @Test
    void eachWitherSetsItsFieldOnly() {
        setsOnly(broker, Broker::name, Broker::withName, "Hub");
        setsOnly(broker, Broker::host, Broker::withHost, "10.0.0.2");
        setsOnly(broker, Broker::listeners, Broker::withListeners, List.of(Listener.mqtt(1999)));
        setsOnly(broker, Broker::allowAnonymous, Broker::withAllowAnonymous, !broker.allowAnonymous());
        setsOnly(broker, Broker::users, Broker::withUsers, List.of(new User("u", "$7$101$abc")));
        setsOnly(broker, Broker::acl, Broker::withAcl, List.of(new AclRule(null, false, AclAccess.READ, "#")));
        setsOnly(broker, Broker::persistence, Broker::withPersistence, new Persistence(true, "db", null));
        setsOnly(Persistence.OFF, Persistence::enabled, Persistence::withEnabled, true);
        setsOnly(Persistence.OFF, Persistence::location, Persistence::withLocation, "db");
        setsOnly(new User("u", "$7$101$abc"), User::name, User::withName, "v");
        AclRule rule = new AclRule("u", false, AclAccess.READ, "a/#");
        setsOnly(rule, AclRule::user, AclRule::withUser, "v");
        setsOnly(rule, AclRule::pattern, AclRule::withPattern, true, r -> r.withUser(null));
        setsOnly(rule, AclRule::access, AclRule::withAccess, AclAccess.WRITE);
        setsOnly(rule, AclRule::topic, AclRule::withTopic, "b/#");

        setsOnly(bridge, Bridge::name, Bridge::withName, "renamed");
        setsOnly(bridge, Bridge::cleanSession, Bridge::withCleanSession, !bridge.cleanSession());
        setsOnly(bridge, Bridge::remoteClientId, Bridge::withRemoteClientId, "r1");
        setsOnly(bridge, Bridge::localClientId, Bridge::withLocalClientId, "l1");
        setsOnly(bridge, Bridge::remoteUsername, Bridge::withRemoteUsername, "ru");
        setsOnly(bridge, Bridge::remotePassword, Bridge::withRemotePassword, "rp");
        setsOnly(bridge, Bridge::protocolVersion, Bridge::withProtocolVersion, BridgeProtocol.MQTTV31);
        setsOnly(bridge, Bridge::keepalive, Bridge::withKeepalive, 5);
        setsOnly(bridge, Bridge::notifications, Bridge::withNotifications, !bridge.notifications());
        setsOnly(bridge, Bridge::startType, Bridge::withStartType, StartType.LAZY);
        setsOnly(bridge, Bridge::tryPrivate, Bridge::withTryPrivate, !bridge.tryPrivate());
        BridgeRule out = BridgeRule.out("srv/#", 2);
        setsOnly(out, BridgeRule::pattern, BridgeRule::withPattern, "cmd/#");
        setsOnly(out, BridgeRule::direction, BridgeRule::withDirection, Direction.BOTH);
        setsOnly(out, BridgeRule::qos, BridgeRule::withQos, 1);
        setsOnly(out, BridgeRule::localPrefix, BridgeRule::withLocalPrefix, "l/");
        setsOnly(out, BridgeRule::remotePrefix, BridgeRule::withRemotePrefix, "r/");

        setsOnly(publisher, Publisher::name, Publisher::withName, "P");
        setsOnly(publisher, Publisher::client, Publisher::withClient, ClientSettings.of("other"));
        setsOnly(publisher, Publisher::topic, Publisher::withTopic, "a/b");
        setsOnly(publisher, Publisher::payload, Publisher::withPayload, "{seq}");
        setsOnly(publisher, Publisher::intervalMs, Publisher::withIntervalMs, 250);
        setsOnly(publisher, Publisher::count, Publisher::withCount, 7);
        setsOnly(publisher, Publisher::qos, Publisher::withQos, 0);
        setsOnly(publisher, Publisher::retain, Publisher::withRetain, !publisher.retain());
        setsOnly(subscriber, Subscriber::name, Subscriber::withName, "S");
        setsOnly(subscriber, Subscriber::client, Subscriber::withClient, ClientSettings.of("other"));
        setsOnly(subscriber, Subscriber::subscriptions, Subscriber::withSubscriptions, List.of(new Subscription("#", 1)));
        setsOnly(new Subscription("a", 0), Subscription::filter, Subscription::withFilter, "b");
        setsOnly(new Subscription("a", 0), Subscription::qos, Subscription::withQos, 2);
        ClientSettings client = ClientSettings.of("c");
        setsOnly(client, ClientSettings::clientId, ClientSettings::withClientId, "d");
        setsOnly(client, ClientSettings::mqttVersion, ClientSettings::withMqttVersion, MqttVersion.V5);
        ExternalBroker external = new ExternalBroker("x", "X", "example.org", 1883, null);
        setsOnly(external, ExternalBroker::name, ExternalBroker::withName, "Y");
        setsOnly(external, ExternalBroker::host, ExternalBroker::withHost, "example.com");
        setsOnly(external, ExternalBroker::port, ExternalBroker::withPort, 8883);
    }

    @Test
    void withersValidateAsTheConstructorsDo() {
        assertThatThrownBy(() -> publisher.withIntervalMs(0)).hasMessage("'intervalMs' must be at least 1");
        assertThatThrownBy(() -> publisher.withQos(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bridge.withKeepalive(-1)).hasMessage("'keepalive' must not be negative");
        assertThatThrownBy(() -> bridge.withName("has space")).hasMessageContaining("must not contain spaces");
        assertThatThrownBy(() -> new ExternalBroker("x", "X", "h", 1, null).withPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AclRule(null, true, AclAccess.READ, "%c/#").withUser("u"))
                .hasMessageContaining("cannot name user 'u'");
        // Defaults still apply: a blank host is the default host, as in a file.
        assertThat(broker.withHost(" ").host()).isEqualTo(Broker.DEFAULT_HOST);
    }

    private static <R, T> void setsOnly(R record, Function<R, T> read, BiFunction<R, T, R> with, T value) {
        setsOnly(record, read, with, value, r -> r);
    }

    /** @param prepare makes the record accept {@code value} (e.g. an ACL pattern needs no user) */
    private static <R, T> void setsOnly(R record, Function<R, T> read, BiFunction<R, T, R> with, T value,
            Function<R, R> prepare) {
        R start = prepare.apply(record);
        assertThat(read.apply(start)).as("a new value").isNotEqualTo(value);
        R changed = with.apply(start, value);
        assertThat(read.apply(changed)).isEqualTo(value);
        assertThat(with.apply(changed, read.apply(start))).as("set back").isEqualTo(start);
    }
}

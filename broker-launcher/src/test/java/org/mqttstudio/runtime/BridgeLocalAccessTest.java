package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Finding;
import org.mqttstudio.check.Severity;
import org.mqttstudio.mosquitto.MosquittoConfReader;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

/**
 * The local side of a bridge on a broker that refuses anonymous clients (issue 17), run by
 * {@link TopologyRunner} on real mosquitto 2.0.11 and on the embedded runtime, with the route table
 * and the checker beside them. What mosquitto does was measured with these topologies (and with an
 * unknown {@code local_username} and a wrong {@code local_password}, which bridge all the same): the
 * local side needs no login and the local ACL never applies to it, in either direction
 * ({@link LocalBridgeSecret}). The embedded runtime must do the same, and only for a connection
 * that shows the run's secret.
 */
class BridgeLocalAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MESSAGES = 5;
    private static final String USER = "student";
    private static final String PASSWORD = "secret";

    @TempDir
    Path folder;

    /** The issue's two files, imported as {@code studio import} does, plus a publisher and a subscriber. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RunOptions.Runtime.class)
    void theIssuesTopologyDeliversFiveOfFiveOverARunningBridge(RunOptions.Runtime runtime) throws Exception {
        Files.writeString(folder.resolve("pw"), USER + ":" + PasswordHash.hash(PASSWORD) + "\n");
        Path b1 = Files.writeString(folder.resolve("b1.conf"), """
                listener 1883
                allow_anonymous false
                password_file pw
                connection bridge1_central
                address 127.0.0.1:1884
                remote_username student
                remote_password secret
                topic srv/# out 2
                """);
        Path central = Files.writeString(folder.resolve("central.conf"), """
                listener 1884
                allow_anonymous false
                password_file pw
                """);
        Topology imported = new MosquittoConfReader().read(List.of(b1, central));
        Topology topology = imported.withNode(publisher("pub", "b1", "srv/humidity"))
                .withNode(subscriber("sub", "central", "srv/humidity"));
        assertThat(new Checker().check(topology)).as("studio validate: 0 errors, 0 warnings")
                .noneMatch(f -> f.severity() != Severity.INFO);

        runAndExpectEachOnce(topology, runtime, List.of("sub"));
    }

    /**
     * Four bridged pairs in one topology, each local broker refusing anonymous clients and with an ACL
     * that grants the bridge nothing on srv/#: its {@code local_username} 'other' (or, without one,
     * anonymous clients) may only read 'nothing'. mosquitto delivers every message of every pair.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RunOptions.Runtime.class)
    void theLocalAclDoesNotApplyToTheBridgeOutOrIn(RunOptions.Runtime runtime) {
        List<Case> cases = List.of(new Case("out_other", Direction.OUT, "other"), new Case("in_other", Direction.IN,
                "other"), new Case("out_anonymous", Direction.OUT, null), new Case("in_anonymous", Direction.IN, null));
        Topology built = Topology.empty();
        for (int i = 0; i < cases.size(); i++) {
            built = cases.get(i).addTo(built, 1883 + 2 * i);
        }
        Topology topology = built;
        Router router = new Router();
        for (Case c : cases) {
            assertThat(router.routes(topology).routesTo(c.subscriberId())).as("route table, %s", c.name())
                    .extracting(Route::bridgeIds).containsExactly(List.of(c.name()));
        }
        List<Finding> findings = new Checker().check(topology);
        assertThat(findings).as("nothing said against a bridge the local ACL does not stop")
                .filteredOn(f -> topology.bridge(f.elementId()).isPresent())
                .noneMatch(f -> f.severity() != Severity.INFO);
        assertThat(findings).as("what the checker says of local_username").filteredOn(f -> f.code().equals(
                "bridge-local-user")).extracting(Finding::elementId).containsExactlyInAnyOrder("out_other", "in_other");

        runAndExpectEachOnce(topology, runtime, cases.stream().map(Case::subscriberId).toList());
    }

    /**
     * On its internal port (the one its bridges use), a broker that refuses anonymous clients refuses a
     * client that takes the bridge's local client id without the secret, or with a wrong one; the bridge
     * stays up meanwhile (a refused CONNECT takes no session over).
     */
    @Test
    void anOutsideClientWithTheBridgesIdOnTheInternalPortIsRefusedWithoutTheSecret() throws Exception {
        LocalBridgeSecret secret = LocalBridgeSecret.random();
        Broker b1 = securedBroker("b1", 1883, List.of());
        Broker central = Broker.simple("central", null, 1884, true, Position.ORIGIN);
        List<EmbeddedBroker> brokers = new ArrayList<>();
        List<NodeStatus> statuses = new CopyOnWriteArrayList<>();
        Bridge bridge = Bridge.simple("b1c", "b1c", "b1", "central", List.of(BridgeRule.out("srv/#", 2)));
        String host = "studio-test";
        try {
            int local = start(b1, secret, brokers);
            int remote = start(central, secret, brokers);
            try (BridgeConnection connection = new BridgeConnection(bridge, new Endpoint("127.0.0.1", local),
                    new Endpoint("127.0.0.1", remote), secret, host, statuses::add)) {
                connection.start();
                await().atMost(WAIT).until(connection::isConnected);
                String bridgeId = bridge.effectiveLocalClientId(host);

                assertThat(connack(local, bridgeId, null)).as("no secret").isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
                assertThat(connack(local, bridgeId, LocalBridgeSecret.random().value())).as("another secret")
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
                assertThat(connack(local, bridgeId, "")).as("an empty one")
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
                assertThatThrownBy(() -> TestClient.builder(local).identifier(bridgeId).buildBlocking().connect())
                        .as("MQTT 3.1.1, anonymous").isInstanceOfSatisfying(Mqtt3ConnAckException.class, e ->
                                assertThat(e.getMqttMessage().getReturnCode().getCode()).isEqualTo(5));
                // the positive control, with another client id (the bridge's would take its session over)
                assertThat(connack(local, "knows-the-secret", secret.value())).as("the secret")
                        .isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);

                assertThat(connection.isConnected()).as("the bridge, after all that").isTrue();
                try (Received onCentral = Received.connect(remote).subscribe("srv/#", 2)) {
                    Mqtt5BlockingClient publisher = MqttClient.builder().useMqttVersion5().identifier("pub")
                            .serverHost("127.0.0.1").serverPort(local).buildBlocking();
                    publisher.connectWith().simpleAuth().username(USER).password(PASSWORD.getBytes()).applySimpleAuth()
                            .send();
                    publisher.publishWith().topic("srv/after").payload("still bridged".getBytes()).send();
                    publisher.disconnect();
                    await().atMost(WAIT).untilAsserted(() -> assertThat(onCentral.payloads()).contains("still bridged"));
                }
            }
        } finally {
            EmbeddedBroker.stopAll(brokers).join();
        }
    }

    private int start(Broker node, LocalBridgeSecret secret, List<EmbeddedBroker> brokers) throws Exception {
        Listener listener = node.mqttListener().orElseThrow();
        EmbeddedBroker broker = new EmbeddedBroker(node, folder, Map.of(listener, 0), ModelSecurity.of(node),
                Set.of(), true, secret);
        brokers.add(broker);
        broker.start();
        return broker.ports().get(listener);
    }

    /** The reason code of a CONNECT with {@code clientId}, carrying {@code offered} as the bridge's secret (null: none). */
    private static Mqtt5ConnAckReasonCode connack(int port, String clientId, String offered) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        var connect = client.connectWith();
        if (offered != null) {
            connect = connect.userProperties().add(LocalBridgeSecret.PROPERTY, offered).applyUserProperties();
        }
        try {
            Mqtt5ConnAckReasonCode code = connect.send().getReasonCode();
            client.disconnect();
            return code;
        } catch (Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private void runAndExpectEachOnce(Topology topology, RunOptions.Runtime runtime, List<String> subscribers) {
        TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(ChallengeRunTest.freeOffset(topology)));
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(runner.deliveries()).hasSize(MESSAGES * subscribers.size()));
            // held for a second: a late duplicate would show
            await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
                for (String s : subscribers) {
                    assertThat(runner.deliveries()).filteredOn(d -> d.subscriberId().equals(s))
                            .as("%s on %s: %d QoS 2 messages, each once", s, runtime, MESSAGES)
                            .extracting(Delivery::payloadText, Delivery::qos)
                            .containsExactlyInAnyOrderElementsOf(expectedPayloads());
                }
            });
            assertThat(runner.summary().undelivered()).as("not delivered").isEmpty();
            for (Bridge b : topology.bridges()) {
                assertThat(runner.statuses().get(b.id())).as("%s on %s", b.id(), runtime)
                        .extracting(NodeStatus::state).isEqualTo(NodeStatus.State.RUNNING);
            }
        } finally {
            runner.stop();
        }
    }

    private static List<org.assertj.core.groups.Tuple> expectedPayloads() {
        List<org.assertj.core.groups.Tuple> payloads = new ArrayList<>();
        for (int seq = 1; seq <= MESSAGES; seq++) {
            payloads.add(org.assertj.core.groups.Tuple.tuple("m" + seq, 2));
        }
        return payloads;
    }

    /**
     * A bridge {@code name} from {@code name_local} to {@code name_remote}, both refusing anonymous clients and
     * knowing 'student' and 'other'; the local ACL lets 'student' read and write srv/# and grants 'other' (or,
     * without a user name, anonymous clients) only read on 'nothing'. The publisher is on the bridge's source side
     * of the rule, the subscriber on the other, both logging in as 'student'.
     */
    private record Case(String name, Direction direction, String localUser) {
        String subscriberId() {
            return name + "_sub";
        }

        Topology addTo(Topology topology, int port) {
            String local = name + "_local";
            String remote = name + "_remote";
            List<AclRule> acl = List.of(new AclRule(USER, false, AclAccess.READWRITE, "srv/#"),
                    new AclRule(localUser, false, AclAccess.READ, "nothing"));
            Bridge bridge = new Bridge(name, name, local, remote, List.of(new BridgeRule("srv/#", direction, 2, null,
                    null)), null, null, null, null, USER, PASSWORD, localUser, localUser, null, null, null, null,
                    null, null, null, null);
            boolean out = direction == Direction.OUT;
            return topology.withNode(securedBroker(local, port, acl)).withNode(securedBroker(remote, port + 1, List.of()))
                    .withBridge(bridge)
                    .withNode(publisher(name + "_pub", out ? local : remote, "srv/humidity"))
                    .withNode(subscriber(subscriberId(), out ? remote : local, "srv/humidity"));
        }
    }

    private static Broker securedBroker(String id, int port, List<AclRule> acl) {
        return new Broker(id, null, null, List.of(Listener.mqtt(port)), false,
                List.of(new User(USER, PasswordHash.hash(PASSWORD)), new User("other", PasswordHash.hash("other"))),
                acl, null, null, null, null, Position.ORIGIN);
    }

    private static ClientSettings student(String clientId) {
        return new ClientSettings(clientId, null, USER, PASSWORD, null, null);
    }

    private static Publisher publisher(String id, String broker, String topic) {
        return new Publisher(id, null, broker, student(id), topic, "m{seq}", 50, MESSAGES, 2, false, null);
    }

    private static Subscriber subscriber(String id, String broker, String filter) {
        return new Subscriber(id, null, broker, student(id), List.of(new Subscription(filter, 2)), null);
    }
}

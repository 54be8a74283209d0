package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.RestartTimeout;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.trace.WireTap;

class BridgeConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOST = "studio-test";
    private static final LocalBridgeSecret SECRET = LocalBridgeSecret.random();

    @TempDir
    Path runDir;
    private final List<EmbeddedBroker> brokers = new ArrayList<>();
    private final List<AutoCloseable> closeFirst = new ArrayList<>();
    private final List<NodeStatus> statuses = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = closeFirst.size() - 1; i >= 0; i--) {
            closeFirst.get(i).close();
        }
        EmbeddedBroker.stopAll(brokers).join();
    }

    private int broker(String id, BrokerSecurity security, Set<String> bridgeClientIds) throws Exception {
        Broker node = Broker.simple(id, null, 1883, true, Position.ORIGIN);
        Listener listener = node.mqttListener().orElseThrow();
        EmbeddedBroker broker = new EmbeddedBroker(node, runDir, Map.of(listener, 0), security, bridgeClientIds,
                true, SECRET);
        brokers.add(broker);
        broker.start();
        return broker.ports().get(listener);
    }

    private int broker(String id, Bridge... privateBridgesTo) throws Exception {
        return broker(id, BrokerSecurity.OPEN, Set.of(privateBridgesTo).stream()
                .filter(Bridge::tryPrivate).map(b -> b.effectiveRemoteClientId(HOST)).collect(Collectors.toSet()));
    }

    private BridgeConnection bridge(Bridge bridge, int localPort, int remotePort) {
        BridgeConnection connection = new BridgeConnection(bridge, new Endpoint("127.0.0.1", localPort),
                new Endpoint("127.0.0.1", remotePort), SECRET, HOST, statuses::add);
        closeFirst.add(connection);
        connection.start();
        return connection;
    }

    private BridgeConnection running(Bridge bridge, int localPort, int remotePort) {
        BridgeConnection connection = bridge(bridge, localPort, remotePort);
        await().atMost(WAIT).until(() -> statuses.stream().anyMatch(s -> s.elementId().equals(bridge.id())
                && s.state() == NodeStatus.State.RUNNING));
        return connection;
    }

    private Received client(int port) {
        Received client = Received.connect(port);
        closeFirst.add(client);
        return client;
    }

    private static Bridge bridge(String id, List<BridgeRule> rules) {
        return Bridge.simple(id, id, "a", "b", rules);
    }

    @Test
    void outRuleForwardsAtQos2ExactlyOnceWithPrefixesRemapped() throws Exception {
        Bridge bridge = bridge("ab", List.of(new BridgeRule("temperature", Direction.OUT, 2, "srv/", "central/")));
        int b = broker("b", bridge);
        int a = broker("a");
        running(bridge, a, b);
        Received onB = client(b).subscribe("#", 2);
        Received onA = client(a);

        onA.publish("srv/temperature", "24", 2);
        onA.publish("srv/humidity", "10", 2); // no rule for it

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB.messages()).map(Received.Message::toString)
                .contains("central/temperature=24 qos=2"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() ->
                assertThat(onB.messages()).map(Received.Message::toString)
                        .filteredOn(m -> !m.startsWith("$SYS")).containsExactly("central/temperature=24 qos=2"));
    }

    @Test
    void forwardedQosIsTheLowerOfMessageAndRule() throws Exception {
        Bridge bridge = bridge("ab", List.of(BridgeRule.out("srv/#", 1)));
        int b = broker("b", bridge);
        int a = broker("a");
        running(bridge, a, b);
        Received onB = client(b).subscribe("srv/#", 2);
        Received onA = client(a);

        onA.publish("srv/q2", "x", 2);
        onA.publish("srv/q0", "y", 0);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB.messages()).map(Received.Message::toString)
                .containsExactlyInAnyOrder("srv/q2=x qos=1", "srv/q0=y qos=0"));
    }

    @Test
    void inRulePullsFromTheRemoteWithTheReversePrefixes() throws Exception {
        Bridge bridge = bridge("ab", List.of(new BridgeRule("#", Direction.IN, 2, "from-b/", "out/")));
        int b = broker("b", bridge);
        int a = broker("a");
        running(bridge, a, b);
        Received onA = client(a).subscribe("from-b/#", 2);
        Received onB = client(b).subscribe("#", 2);

        onB.publish("out/x", "1", 2);
        onB.publish("elsewhere", "2", 2);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onA.messages()).map(Received.Message::toString)
                .containsExactly("from-b/x=1 qos=2"));
        // the remote never gets its own message back (HiveMQ also hands the retained $SYS state to '#')
        assertThat(onB.messages()).filteredOn(m -> !m.topic().startsWith("$")).map(Received.Message::toString)
                .containsExactly("out/x=1 qos=2", "elsewhere=2 qos=2");
    }

    @Test
    void bothRuleCarriesEachWayOnceWithoutEcho() throws Exception {
        Bridge bridge = bridge("ab", List.of(new BridgeRule("t/#", Direction.BOTH, 1, null, null)));
        int b = broker("b", bridge);
        int a = broker("a");
        running(bridge, a, b);
        Received onA = client(a).subscribe("t/#", 1);
        Received onB = client(b).subscribe("t/#", 1);

        onA.publish("t/a", "from-a", 1);
        onB.publish("t/b", "from-b", 1);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(onA.payloads()).containsExactlyInAnyOrder("from-a", "from-b");
            assertThat(onB.payloads()).containsExactlyInAnyOrder("from-a", "from-b");
        });
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(onA.messages()).hasSize(2);
            assertThat(onB.messages()).hasSize(2);
        });
    }

    /** As mosquitto with bridge_attempt_unsubscribe (default): the out line unsubscribes t/# on the remote. */
    @Test
    void aLaterOutLineWithTheSameRemoteFilterCancelsTheInHalfOfBoth() throws Exception {
        Bridge bridge = bridge("ab", List.of(new BridgeRule("t/#", Direction.BOTH, 1, null, null),
                BridgeRule.out("t/#", 1)));
        int b = broker("b", bridge);
        int a = broker("a");
        running(bridge, a, b);
        Received onA = client(a).subscribe("t/#", 1);
        Received onB = client(b).subscribe("t/#", 1);

        onB.publish("t/b", "from-b", 1);
        onA.publish("t/a", "from-a", 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB.payloads()).containsExactlyInAnyOrder("from-a", "from-b"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
            assertThat(onA.payloads()).containsExactly("from-a");
            assertThat(onB.messages()).hasSize(2);
        });
    }

    @Test
    void withoutTryPrivateTheRemoteEchoesOnceAndNoMore() throws Exception {
        Bridge bridge = new Bridge("ab", "ab", "a", "b", List.of(new BridgeRule("t/#", Direction.BOTH, 1, null, null)),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null);
        int b = broker("b", bridge); // try_private false: b does not know the bridge is one
        int a = broker("a");
        running(bridge, a, b);
        Received onA = client(a).subscribe("t/#", 1);

        onA.publish("t/a", "from-a", 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onA.payloads()).containsExactly("from-a", "from-a"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(onA.messages()).hasSize(2));
    }

    @Test
    void mqtt5BridgeAsksForNoLocalItself() throws Exception {
        Bridge bridge = new Bridge("ab", "ab", "a", "b", List.of(new BridgeRule("t/#", Direction.BOTH, 1, null, null)),
                null, null, null, null, null, null, null, null, BridgeProtocol.MQTTV50, null, null, null, null, null,
                null, null);
        int b = broker("b", BrokerSecurity.OPEN, Set.of()); // b does not know the bridge: no-local comes from it
        int a = broker("a");
        running(bridge, a, b);
        Received onA = client(a).subscribe("t/#", 1);
        Received onB = client(b).subscribe("t/#", 1);

        onA.publish("t/a", "from-a", 1);
        onB.publish("t/b", "from-b", 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onB.payloads()).containsExactlyInAnyOrder("from-a", "from-b"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                assertThat(onA.payloads()).containsExactlyInAnyOrder("from-a", "from-b"));
    }

    /**
     * Two brokers each bridging {@code # both} to the other loop even with try_private: no-echo is per
     * bridge, and a message one bridge brings in is new to the other. mosquitto 2.0.11 made tens of
     * thousands of copies in 4 s here; the embedded runtime must show the same storm (the checker
     * reports it as an error before a run).
     */
    @Test
    void twoBridgesBothWaysBetweenTheSameBrokersStormAsInMosquitto() throws Exception {
        List<BridgeRule> everything = List.of(new BridgeRule("#", Direction.BOTH, 1, null, null));
        Bridge ab = Bridge.simple("ab", "ab", "a", "b", everything);
        Bridge ba = Bridge.simple("ba", "ba", "b", "a", everything);
        int a = broker("a", ba);
        int b = broker("b", ab);
        running(ab, a, b);
        running(ba, b, a);
        Received onA = client(a).subscribe("t/#", 1);

        onA.publish("t/x", "once", 1);

        await().atMost(WAIT).until(() -> onA.messages().size() > 50);
    }

    @Test
    void messagesPublishedDuringAnOutageArriveAfterIt() throws Exception {
        Bridge bridge = new Bridge("ab", "ab", "a", "b", List.of(BridgeRule.out("srv/#", 2)), false, null, null, null,
                null, null, null, null, null, null, null, null, null, new RestartTimeout(1, null), null, null);
        int b = broker("b", bridge);
        int a = broker("a");
        WireTap tap = WireTap.start("b", new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", b),
                event -> { });
        closeFirst.add(0, tap);
        BridgeConnection connection = running(bridge, a, tap.port());
        Received onB = client(b).subscribe("srv/#", 2);
        Received onA = client(a);

        tap.cutAll();
        await().atMost(WAIT).until(() -> !connection.isConnected());
        for (int n = 0; n < 100; n++) {
            onA.publish("srv/q1", "q1-" + n, 1);
            onA.publish("srv/q2", "q2-" + n, 2);
        }
        tap.restoreAll();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onB.payloads().stream().distinct().count()).isEqualTo(200));
        // Exactly once at QoS 1 too, a bound of 0 duplicates: every message was published after the link had died
        // and the remote side sends a PUBLISH only after a CONNACK, so each one crosses one connection, the one
        // after the restore, where nothing is cut. A redelivery needs a PUBLISH left unacknowledged on a lost
        // connection; there is none here, so a duplicate would be the bridge sending a message twice.
        // (held for a second, so that a late copy shows)
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(onB.payloads().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .as("each of the 100 QoS 1 and 100 QoS 2 messages exactly once").hasSize(200)
                .allSatisfy((payload, count) -> assertThat(count).as(payload).isEqualTo(1)));
        assertThat(onB.messages()).filteredOn(m -> m.topic().equals("srv/q2")).allMatch(m -> m.qos() == 2);
    }

    @Test
    void notificationsSayOneOnConnectAndZeroByWillWhenTheLinkDies() throws Exception {
        Bridge bridge = new Bridge("ab", "ab", "a", "b", List.of(BridgeRule.out("srv/#", 1)), null, null, null, null,
                null, null, null, null, null, 5, null, null, null, new RestartTimeout(60, null), null, null);
        String topic = bridge.effectiveNotificationTopic(HOST);
        assertThat(topic).isEqualTo("$SYS/broker/connection/studio-test.ab/state");
        int b = broker("b", bridge);
        int a = broker("a");
        WireTap tap = WireTap.start("b", new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", b),
                event -> { });
        closeFirst.add(0, tap);
        running(bridge, a, tap.port());

        Received onB = client(b).subscribe(topic, 1);
        Received onA = client(a).subscribe(topic, 1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(onB.messages()).map(Received.Message::toString).containsExactly(topic + "=1 qos=1 retained");
            assertThat(onA.payloads()).last().isEqualTo("1"); // after mosquitto's initial local "0"
        });

        tap.cutAll();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(onB.payloads()).containsExactly("1", "0");
            assertThat(onA.payloads()).last().isEqualTo("0");
        });
        try (Received late = Received.connect(b).subscribe(topic, 1)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(late.messages()).map(Received.Message::toString)
                    .containsExactly(topic + "=0 qos=1 retained"));
        }
    }

    @Test
    void remoteCredentialsAreCheckedAndARefusalIsReportedWithItsReason() throws Exception {
        String hash = PasswordHash.hash("s3cret");
        BrokerSecurity passwords = new BrokerSecurity() {
            @Override
            public boolean anonymousAllowed() {
                return false;
            }

            @Override
            public Optional<Boolean> passwordOk(String user, byte[] password) {
                return Optional.of("bridge".equals(user) && password != null
                        && PasswordHash.verify(new String(password, java.nio.charset.StandardCharsets.UTF_8), hash));
            }

            @Override
            public boolean mayPublish(String clientId, String user, String topic) {
                return true;
            }

            @Override
            public boolean maySubscribe(String clientId, String user, String filter) {
                return true;
            }

            @Override
            public boolean mayReceive(String clientId, String user, String topic) {
                return true;
            }
        };
        int b = broker("b", passwords, Set.of());
        int a = broker("a");
        Bridge right = withCredentials("right", "s3cret");
        Bridge wrong = withCredentials("wrong", "guess");

        BridgeConnection good = running(right, a, b);
        bridge(wrong, a, b);

        assertThat(good.isConnected()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses).filteredOn(s -> s.elementId().equals("wrong"))
                .map(NodeStatus::state).contains(NodeStatus.State.FAILED).doesNotContain(NodeStatus.State.RUNNING));
        assertThat(statuses).filteredOn(s -> s.elementId().equals("wrong") && s.state() == NodeStatus.State.FAILED)
                .first().extracting(NodeStatus::message).asString()
                .startsWith("remote 127.0.0.1:" + b + " refused the connection: NOT_AUTHORIZED");
    }

    private static Bridge withCredentials(String id, String password) {
        return new Bridge(id, id, "a", "b", List.of(BridgeRule.out("srv/#", 1)), null, null, null, null,
                "bridge", password, null, null, null, null, null, null, null, new RestartTimeout(60, null), null,
                null);
    }

    @Test
    void startTypeOnceGivesUpAfterTheFirstFailure() throws Exception {
        int a = broker("a");
        int nobody = LoopbackPorts.free();
        Bridge once = new Bridge("ab", "ab", "a", "b", List.of(BridgeRule.out("srv/#", 1)), null, null, null, null,
                null, null, null, null, null, null, null, null, StartType.ONCE, new RestartTimeout(1, null), null, null);

        bridge(once, a, nobody);

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses).map(NodeStatus::message)
                .contains("remote 127.0.0.1:" + nobody + " is unreachable: connection refused; start_type once: "
                        + "not retrying"));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() ->
                assertThat(statuses).filteredOn(s -> s.state() == NodeStatus.State.FAILED).hasSize(1));
    }

    @Test
    void closeReportsStoppedAndDisconnectsBothSides() throws Exception {
        Bridge bridge = bridge("ab", List.of(BridgeRule.out("srv/#", 1)));
        int b = broker("b", bridge);
        int a = broker("a");
        BridgeConnection connection = running(bridge, a, b);

        connection.close();

        assertThat(connection.isConnected()).isFalse();
        assertThat(statuses).last().extracting(NodeStatus::state).isEqualTo(NodeStatus.State.STOPPED);
    }
}

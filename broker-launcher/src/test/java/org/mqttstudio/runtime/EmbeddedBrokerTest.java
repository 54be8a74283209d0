package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.runtime.RunningBrokers.mqttPort;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Protocol;

class EmbeddedBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path runDir;
    private RunningBrokers brokers;

    @BeforeEach
    void setUp() {
        brokers = new RunningBrokers(runDir);
    }

    @AfterEach
    void stopBrokers() {
        brokers.close();
    }

    private static Broker node(String id) {
        return Broker.simple(id, null, 1883, true, Position.ORIGIN);
    }

    @Test
    void deliversAtQos0To2() throws Exception {
        int port = mqttPort(brokers.start(node("central"), BrokerSecurity.OPEN));
        try (TestClient subscriber = TestClient.connect(port); TestClient publisher = TestClient.connect(port)) {
            List<String> expected = new ArrayList<>();
            for (int qos = 0; qos <= 2; qos++) {
                assertThat(subscriber.subscribe("srv/qos" + qos, qos)).as("granted QoS").isEqualTo(qos);
                for (int n = 0; n < 3; n++) {
                    publisher.publish("srv/qos" + qos, "m" + n, qos);
                    expected.add("srv/qos" + qos + "=m" + n);
                }
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(subscriber.received()).hasSameSizeAs(expected));
            // MQTT orders messages per topic and QoS only: HiveMQ may send a QoS 1 one before an earlier QoS 0 one
            for (int qos = 0; qos <= 2; qos++) {
                String prefix = "srv/qos" + qos + "=";
                assertThat(subscriber.received()).filteredOn(m -> m.startsWith(prefix))
                        .containsExactly(prefix + "m0", prefix + "m1", prefix + "m2");
            }
        }
    }

    @Test
    void writesItsFolderAndServesWebSockets() throws Exception {
        Listener mqtt = Listener.mqtt(1883);
        Listener websockets = new Listener(9001, Protocol.WEBSOCKETS, null);
        Broker node = new Broker("edge", null, null, List.of(mqtt, websockets), true, null, null,
                new Persistence(true, null, null), null, null, null, null);
        EmbeddedBroker broker = brokers.start(node, BrokerSecurity.OPEN);

        Path folder = runDir.resolve("edge");
        assertThat(folder.resolve("data")).isDirectory();
        assertThat(folder.resolve("extensions")).isDirectory();
        assertThat(Files.readString(folder.resolve("conf/config.xml")))
                .contains("<tcp-listener><port>" + broker.ports().get(mqtt) + "</port>")
                .contains("<websocket-listener><port>" + broker.ports().get(websockets) + "</port>")
                .contains("<mode>file</mode>");

        Mqtt3BlockingClient overWebSocket = TestClient.builder(broker.ports().get(websockets))
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking();
        try (TestClient subscriber = TestClient.connect(broker.ports().get(mqtt));
                TestClient publisher = TestClient.connect(overWebSocket)) {
            subscriber.subscribe("ws/#", 1);
            publisher.publish("ws/hello", "over websockets", 1);
            await().atMost(WAIT).until(() -> subscriber.received().contains("ws/hello=over websockets"));
        }
    }

    @Test
    void twoInstancesInOneJvmAreIsolated() throws Exception {
        EmbeddedBroker first = brokers.start(node("first"), onlyUser("alice", "secret"));
        // started second: its extension must not take over the first one's (HiveMQ's static Services)
        EmbeddedBroker second = brokers.start(node("second"), onlyUser("bob", "builder"));
        EmbeddedBroker open = brokers.start(node("open"), BrokerSecurity.OPEN);

        assertThat(TestClient.connackCode(mqttPort(first), "alice", "secret")).isZero();
        assertThat(TestClient.connackCode(mqttPort(first), "bob", "builder")).isEqualTo(5);
        assertThat(TestClient.connackCode(mqttPort(second), "bob", "builder")).isZero();
        assertThat(TestClient.connackCode(mqttPort(second), "alice", "secret")).isEqualTo(5);
        assertThat(TestClient.connackCode(mqttPort(open), null, null)).isZero();

        try (TestClient onFirst = TestClient.connect(mqttPort(first), "alice", "secret");
                TestClient onSecond = TestClient.connect(mqttPort(second), "bob", "builder");
                TestClient onOpen = TestClient.connect(mqttPort(open))) {
            onFirst.subscribe("#", 1);
            onSecond.subscribe("#", 1);
            onOpen.subscribe("#", 1);
            onFirst.publish("only/first", "a", 1);
            onSecond.publish("only/second", "b", 1);
            onOpen.publish("only/open", "c", 1);
            await().atMost(WAIT).until(() -> onFirst.received().size() == 1 && onSecond.received().size() == 1
                    && onOpen.received().size() == 1);
            assertThat(onFirst.received()).containsExactly("only/first=a");
            assertThat(onSecond.received()).containsExactly("only/second=b");
            assertThat(onOpen.received()).containsExactly("only/open=c");
        }
    }

    @Test
    void dollarTopicsReachOnlySubscriptionsThatMatchThemUnderMqttRules() throws Exception {
        // a secured broker: its ACL interceptors run after the '$' check on the same messages
        List<String> everything = List.of("#", "$SYS/#"); // an ACL's '#' does not reach '$' topics either
        int port = mqttPort(brokers.start(node("central"), new TableSecurity(false, Map.of("alice", "secret"),
                Map.of("alice", everything), Map.of("alice", everything), List.of())));
        try (TestClient hash = TestClient.connect(port, "alice", "secret");
                TestClient plus = TestClient.connect(port, "alice", "secret");
                TestClient sys = TestClient.connect(port, "alice", "secret");
                TestClient shared = TestClient.connect(port, "alice", "secret");
                TestClient publisher = TestClient.connect(port, "alice", "secret")) {
            hash.subscribe("#", 1);
            plus.subscribe("+/broker/state", 1);
            plus.subscribe("+/marker", 1);
            sys.subscribe("$SYS/+/state", 1);
            shared.subscribe("$share/g/$SYS/#", 1);
            publisher.publish("$SYS/broker/state", "1", 1);
            await().atMost(WAIT).until(() -> !sys.received().isEmpty() && !shared.received().isEmpty());
            publisher.publish("x/marker", "m", 1); // sent after the '$' message to the same clients
            await().atMost(WAIT).until(() -> !hash.received().isEmpty() && !plus.received().isEmpty());

            assertThat(sys.received()).containsExactly("$SYS/broker/state=1");
            assertThat(shared.received()).containsExactly("$SYS/broker/state=1");
            assertThat(hash.received()).as("MQTT-4.7.2-1").containsExactly("x/marker=m");
            assertThat(plus.received()).as("MQTT-4.7.2-1").containsExactly("x/marker=m");
        }
    }

    private static BrokerSecurity onlyUser(String user, String password) {
        return new TableSecurity(false, Map.of(user, password), Map.of(user, List.of("#")),
                Map.of(user, List.of("#")), List.of());
    }

    @Test
    void portInUseIsReportedAndAnotherInstanceStillStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Broker node = node("central");
            EmbeddedBroker blocked = brokers.create(node, Map.of(node.listeners().get(0), port), BrokerSecurity.OPEN);

            assertThatThrownBy(blocked::start).isInstanceOf(BrokerStartException.class)
                    .hasMessage("broker 'central': port " + port + " is in use");
            assertThatThrownBy(blocked::start).isInstanceOf(IllegalStateException.class);

            EmbeddedBroker other = brokers.start(node("other"), BrokerSecurity.OPEN);
            try (TestClient client = TestClient.connect(mqttPort(other))) {
                assertThat(client.connected()).isTrue();
            }
        }
    }

    @Test
    void aPortAnotherBrokerHoldsIsInUseThoughTheBrokerStartsWithoutIt() throws Exception {
        int taken = mqttPort(brokers.start(node("first"), BrokerSecurity.OPEN));
        Listener mqtt = Listener.mqtt(1883);
        Listener websockets = new Listener(9001, Protocol.WEBSOCKETS, null);
        Broker node = new Broker("second", null, null, List.of(mqtt, websockets), true, null, null, null, null,
                null, null, null);
        // HiveMQ binds the WebSocket listener, logs the MQTT one it cannot bind and starts: the port answers, as "first"
        EmbeddedBroker second = brokers.create(node, Map.of(mqtt, taken, websockets, 0), BrokerSecurity.OPEN);

        assertThatThrownBy(second::start).isInstanceOfSatisfying(PortInUseException.class,
                e -> assertThat(e.port()).isEqualTo(taken))
                .hasMessage("broker 'second': port " + taken + " is in use");
    }

    @Test
    void aBrokerThatCanBindNoListenerNamesThePortInUse() throws Exception {
        int taken = mqttPort(brokers.start(node("first"), BrokerSecurity.OPEN));
        Broker node = node("second");
        EmbeddedBroker second = brokers.create(node, Map.of(node.listeners().get(0), taken), BrokerSecurity.OPEN);

        assertThatThrownBy(second::start).isInstanceOf(PortInUseException.class)
                .hasMessage("broker 'second': port " + taken + " is in use");
    }

    @Test
    void startsOnceAndStopsIdempotently() throws Exception {
        EmbeddedBroker broker = brokers.start(node("once"), BrokerSecurity.OPEN);
        int port = mqttPort(broker);
        assertThat(LoopbackPorts.inUse(port)).isTrue();

        broker.stop();
        broker.stop();

        assertThat(LoopbackPorts.inUse(port)).isFalse();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build a new one");
    }

    @Test
    void stopsSeveralInstancesInParallel() throws Exception {
        List<EmbeddedBroker> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(brokers.start(node("b" + i), BrokerSecurity.OPEN));
        }
        long start = System.nanoTime();
        EmbeddedBroker.stopAll(four).join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.println("stopping 4 embedded brokers in parallel took " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(10)); // one stop takes ~4 s, four in a row ~16 s
        assertThat(four).allSatisfy(b -> assertThat(LoopbackPorts.inUse(mqttPort(b))).isFalse());
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.runtime.RunningBrokers.mqttPort;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Position;

/** The embedded broker's authentication and ACLs, compared with a real mosquitto 2 where it has them. */
class EmbeddedBrokerSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, String> PASSWORDS = Map.of("alice", "secret", "bob", "builder");
    /** Credentials tried on each broker: user, password (null: not sent). */
    private static final List<String[]> CREDENTIALS = List.of(new String[] {null, null},
            new String[] {"alice", "secret"}, new String[] {"alice", "wrong"}, new String[] {"alice", null},
            new String[] {"zed", "x"});

    @TempDir
    Path dir;
    private RunningBrokers brokers;

    @BeforeEach
    void setUp() {
        brokers = new RunningBrokers(dir.resolve("run"));
    }

    @AfterEach
    void stopBrokers() {
        if (brokers != null) {
            brokers.close();
        }
    }

    private EmbeddedBroker start(BrokerSecurity security) throws BrokerStartException {
        return brokers.start(Broker.simple("embedded", null, 1883, security.anonymousAllowed(), Position.ORIGIN),
                security);
    }

    static Stream<Arguments> connectSettings() {
        // expected CONNACK codes for CREDENTIALS, as mosquitto 2.0.11 answers them (measured)
        return Stream.of(
                Arguments.of(false, true, List.of(5, 0, 5, 5, 5)),
                Arguments.of(true, true, List.of(0, 0, 5, 5, 5)),
                Arguments.of(false, false, List.of(5, 5, 5, 5, 5)),
                Arguments.of(true, false, List.of(0, 0, 0, 0, 0)));
    }

    @ParameterizedTest(name = "allow_anonymous {0}, password file {1}")
    @MethodSource("connectSettings")
    void connackCodesMatchMosquitto(boolean allowAnonymous, boolean passwordFile, List<Integer> expected)
            throws Exception {
        Map<String, String> passwords = passwordFile ? PASSWORDS : null;
        EmbeddedBroker embedded = start(new TableSecurity(allowAnonymous, passwords, Map.of(), Map.of(), List.of()));
        List<Integer> mosquittoCodes;
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, allowAnonymous, passwords, null)) {
            mosquittoCodes = connackCodes(mosquitto.port());
        }

        assertThat(mosquittoCodes).as("mosquitto").isEqualTo(expected);
        assertThat(connackCodes(mqttPort(embedded))).as("embedded").isEqualTo(mosquittoCodes);
    }

    private static List<Integer> connackCodes(int port) {
        return CREDENTIALS.stream().map(c -> TestClient.connackCode(port, c[0], c[1])).toList();
    }

    @Test
    void aclDecisionsMatchMosquitto() throws Exception {
        EmbeddedBroker embedded = start(new TableSecurity(false, PASSWORDS,
                Map.of("alice", List.of("allowed/#", "ro/#"), "bob", List.of("#")),
                Map.of("alice", List.of("allowed/#"), "bob", List.of("#")), List.of()));
        AclOutcome onMosquitto;
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, false, PASSWORDS, List.of(
                "user alice", "topic readwrite allowed/#", "topic read ro/#", "user bob", "topic readwrite #"))) {
            onMosquitto = aclOutcome(mosquitto.port());
        }

        // mosquitto grants the subscription, filters what alice may not read, drops what she may not write
        assertThat(onMosquitto).isEqualTo(new AclOutcome(1, List.of("allowed/y=ok", "ro/x=visible"), true));
        assertThat(aclOutcome(mqttPort(embedded))).isEqualTo(onMosquitto);
    }

    /** {@code aliceReceived} sorted: the messages come from two publishers. */
    record AclOutcome(int subackCode, List<String> aliceReceived, boolean aliceStillConnected) {
    }

    private static AclOutcome aclOutcome(int port) {
        try (TestClient alice = TestClient.connect(port, "alice", "secret");
                TestClient bob = TestClient.connect(port, "bob", "builder")) {
            int suback = alice.subscribe("#", 1);
            bob.publish("denied/x", "hidden", 1); // alice may not read it
            bob.publish("ro/x", "visible", 1);
            alice.publish("ro/y", "not written", 1); // alice may not write it: acknowledged, dropped
            alice.publish("allowed/y", "ok", 1);
            // each publisher's messages arrive in order: once the last ones are in, the dropped ones would be too
            await().atMost(WAIT).until(() -> alice.received().containsAll(List.of("ro/x=visible", "allowed/y=ok")));
            return new AclOutcome(suback, alice.received().stream().sorted().toList(), alice.connected());
        }
    }

    @Test
    void retainedMessagesRespectReadAccessLikeMosquitto() throws Exception {
        EmbeddedBroker embedded = start(new TableSecurity(false, PASSWORDS,
                Map.of("alice", List.of("ro/#"), "bob", List.of("#")), Map.of("bob", List.of("#")), List.of()));
        List<String> onMosquitto;
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, false, PASSWORDS, List.of(
                "user alice", "topic read ro/#", "user bob", "topic readwrite #"))) {
            onMosquitto = retainedSeenByAlice(mosquitto.port());
        }

        assertThat(onMosquitto).containsExactly("ro/r=kept");
        assertThat(retainedSeenByAlice(mqttPort(embedded))).isEqualTo(onMosquitto);
    }

    private static List<String> retainedSeenByAlice(int port) {
        try (TestClient bob = TestClient.connect(port, "bob", "builder")) {
            bob.publish("denied/r", "hidden", 1, true);
            bob.publish("ro/r", "kept", 1, true);
        }
        try (TestClient alice = TestClient.connect(port, "alice", "secret")) {
            alice.subscribe("denied/r", 1); // granted, but alice may not read it
            alice.subscribe("ro/r", 1);
            // retained messages follow each SUBACK: once the second one is in, the first would be too
            await().atMost(WAIT).until(() -> alice.received().contains("ro/r=kept"));
            return new ArrayList<>(alice.received());
        }
    }

    @Test
    void willsRespectWriteAccessLikeMosquitto() throws Exception {
        EmbeddedBroker embedded = start(new TableSecurity(false, PASSWORDS, Map.of("bob", List.of("#")),
                Map.of("alice", List.of("allowed/#")), List.of()));
        List<String> onMosquitto;
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, false, PASSWORDS, List.of(
                "user alice", "topic readwrite allowed/#", "user bob", "topic readwrite #"))) {
            onMosquitto = willsSeenByBob(mosquitto.port());
        }

        // the client connects either way; only the will it may publish is sent
        assertThat(onMosquitto).containsExactly("connack 0", "connack 0", "allowed/will=gone");
        assertThat(willsSeenByBob(mqttPort(embedded))).isEqualTo(onMosquitto);
    }

    private static List<String> willsSeenByBob(int port) throws Exception {
        try (TestClient bob = TestClient.connect(port, "bob", "builder")) {
            bob.subscribe("#", 0);
            List<String> seen = new ArrayList<>();
            seen.add("connack " + WillClient.connectAndDrop(port, "alice", "secret", "denied/will", "gone"));
            seen.add("connack " + WillClient.connectAndDrop(port, "alice", "secret", "allowed/will", "gone"));
            // the denied will would have come first
            await().atMost(WAIT).until(() -> bob.received().contains("allowed/will=gone"));
            seen.addAll(bob.received());
            return seen;
        }
    }

    @Test
    void mqtt5ReasonCodesMatchMosquitto() throws Exception {
        EmbeddedBroker embedded = start(new TableSecurity(false, PASSWORDS, Map.of(),
                Map.of("alice", List.of("allowed/#")), List.of()));
        List<Integer> onMosquitto;
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, false, PASSWORDS, List.of(
                "user alice", "topic readwrite allowed/#"))) {
            onMosquitto = mqtt5Codes(mosquitto.port());
        }

        // CONNACK for a wrong password, PUBACK for a denied and an allowed publish, then still connected
        assertThat(onMosquitto).isEqualTo(List.of(0x87, 0x87, 0, 1));
        assertThat(mqtt5Codes(mqttPort(embedded))).isEqualTo(onMosquitto);
    }

    private static List<Integer> mqtt5Codes(int port) {
        Mqtt5BlockingClient refused = MqttClient.builder().useMqttVersion5().serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        int connack = assertThatExceptionOfType(Mqtt5ConnAckException.class)
                .isThrownBy(() -> refused.connectWith().simpleAuth().username("alice")
                        .password("wrong".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .actual().getMqttMessage().getReasonCode().getCode();
        Mqtt5BlockingClient alice = MqttClient.builder().useMqttVersion5().serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        alice.connectWith().simpleAuth().username("alice").password("secret".getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        // a subscriber, else HiveMQ acknowledges with 0x10 "no matching subscribers" where mosquitto 2.0.11 says 0
        alice.toAsync().subscribeWith().topicFilter("allowed/#").callback(publish -> { }).send().join();
        try {
            return List.of(connack, pubackCode(alice, "ro/y"), pubackCode(alice, "allowed/y"),
                    alice.getState().isConnected() ? 1 : 0);
        } finally {
            alice.disconnect();
        }
    }

    private static int pubackCode(Mqtt5BlockingClient client, String topic) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("x".getBytes(StandardCharsets.UTF_8)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode().getCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode().getCode();
        }
    }

    @Test
    void deniedSubscriptionGetsFailureReturnCode() throws Exception {
        EmbeddedBroker embedded = start(new TableSecurity(true, null, Map.of(), Map.of(), List.of("secret/#")));
        try (TestClient client = TestClient.connect(mqttPort(embedded))) {
            assertThat(client.subscribe("secret/#", 1)).isEqualTo(0x80);
            assertThat(client.subscribe("public/#", 1)).isEqualTo(1);
            assertThat(client.connected()).isTrue();
        }
    }
}

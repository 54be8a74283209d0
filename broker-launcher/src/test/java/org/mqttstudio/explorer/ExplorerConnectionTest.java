package org.mqttstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The explorer's connection against a real embedded broker on loopback. */
class ExplorerConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private TestBroker broker;
    private final List<ExplorerConnection> connections = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = new TestBroker(dir, "b");
    }

    @AfterEach
    void stopAll() {
        connections.forEach(c -> c.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(slow -> null).join());
        broker.close();
    }

    private ExplorerConnection connected(ConnectionProfile profile) {
        ExplorerConnection connection = ExplorerConnection.of(profile, HistoryLimits.DEFAULT);
        connections.add(connection);
        connection.connect().orTimeout(20, TimeUnit.SECONDS).join();
        return connection;
    }

    private ConnectionProfile profile(ProtocolVersion version) {
        return ConnectionProfile.of("127.0.0.1", broker.port()).withVersion(version);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void publishedMessageAppearsInTheTreeAndHistoryWithRetain(ProtocolVersion version) {
        ExplorerConnection connection = connected(profile(version));
        assertThat(connection.subscribe("#", 2).join().granted()).isTrue();
        PublishResult result = connection.publish(OutgoingMessage.of("home/kitchen/temp", bytes("21.5"), 1, true))
                .join();
        assertThat(result.accepted()).isTrue();
        assertThat(result.message()).startsWith("PUBACK");

        await().atMost(WAIT).until(() -> connection.session().history("home/kitchen/temp").size() == 1);
        ExplorerMessage received = connection.session().history("home/kitchen/temp").get(0);
        assertThat(received.text()).isEqualTo("21.5");
        assertThat(received.qos()).isEqualTo(1);
        SessionChanges changes = connection.session().drainChanges();
        assertThat(changes.topics()).extracting(TopicSummary::topic)
                .containsExactly("home", "home/kitchen", "home/kitchen/temp");
        TopicSummary leaf = changes.topics().get(2);
        assertThat(leaf.messages()).isEqualTo(1);
        assertThat(leaf.parent()).contains("home/kitchen");
        assertThat(connection.state().kind()).isEqualTo(ConnectionState.Kind.CONNECTED);
        assertThat(connection.state().message()).contains("MQTT " + version.label());
    }

    @Test
    void mqtt5PropertiesArriveWithTheMessage() {
        ExplorerConnection connection = connected(profile(ProtocolVersion.V5));
        connection.subscribe("props/#", 1).join();
        OutgoingMessage message = new OutgoingMessage("props/x", bytes("{\"a\":1}"), 1, false,
                List.of(new UserProperty("unit", "celsius")), Optional.of("application/json"), Optional.of(300L),
                Optional.of("props/reply"), Optional.of(bytes("corr-7")));
        assertThat(connection.publish(message).join().message()).isEqualTo("PUBACK: success (0x00)");

        await().atMost(WAIT).until(() -> !connection.session().history("props/x").isEmpty());
        Mqtt5Details details = connection.session().history("props/x").get(0).mqtt5();
        assertThat(details.userProperties()).containsExactly(new UserProperty("unit", "celsius"));
        assertThat(details.contentType()).contains("application/json");
        assertThat(details.responseTopic()).contains("props/reply");
        assertThat(details.correlationData()).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("corr-7")));
        assertThat(details.messageExpirySeconds()).hasValueSatisfying(s -> assertThat(s).isBetween(290L, 300L));
    }

    @Test
    void retainedMessageIsShownOnConnectAndClearingItRemovesItForNewSubscribers() {
        ExplorerConnection publisher = connected(profile(ProtocolVersion.V5));
        publisher.publish(OutgoingMessage.of("status/door", bytes("open"), 1, true)).join();

        ExplorerConnection viewer = connected(profile(ProtocolVersion.V3_1_1));
        viewer.subscribe("status/#", 1).join();
        await().atMost(WAIT).until(() -> viewer.session().topic("status/door").map(TopicSummary::retained)
                .orElse(false));
        assertThat(viewer.session().history("status/door").get(0).retain()).isTrue();

        assertThat(viewer.clearRetained("status/door").join().accepted()).isTrue();
        assertThat(viewer.session().topic("status/door").orElseThrow().retained()).isFalse();

        ExplorerConnection late = connected(profile(ProtocolVersion.V5));
        late.subscribe("status/#", 1).join();
        publisher.publish(OutgoingMessage.of("status/marker", bytes("after"), 1, false)).join();
        await().atMost(WAIT).until(() -> !late.session().history("status/marker").isEmpty());
        assertThat(late.session().history("status/door")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void refusedSubscriptionIsShownInWords(ProtocolVersion version) {
        ExplorerConnection connection = connected(profile(version));
        SubscribeResult result = connection.subscribe("secret/plans", 1).join();
        assertThat(result.granted()).isFalse();
        assertThat(result.describe()).startsWith("refused by the broker: ")
                .contains(version == ProtocolVersion.V5 ? "not authorized (0x87)" : "failure (0x80)");
        assertThat(connection.subscriptions()).containsExactly(result);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wrongPasswordGivesTheConnackReasonInWords(ProtocolVersion version) {
        // the embedded broker answers as mosquitto 2 does: "not authorised" for a wrong password
        ExplorerConnection connection = ExplorerConnection.of(profile(version)
                .withCredentials(TestBroker.USER, "wrong", false), HistoryLimits.DEFAULT);
        connections.add(connection);
        assertThatThrownBy(() -> connection.connect().join()).hasCauseInstanceOf(ExplorerException.class)
                .cause().hasMessageStartingWith("refused by the broker: ").hasMessageContaining(
                        version == ProtocolVersion.V5 ? "not authorized (0x87)" : "not authorized (0x05)");
        assertThat(connection.state().kind()).isEqualTo(ConnectionState.Kind.FAILED);
        connected(profile(version).withCredentials(TestBroker.USER, TestBroker.PASSWORD, false));
    }

    @Test
    void closedPortSaysRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ExplorerConnection connection = ExplorerConnection.of(ConnectionProfile.of("127.0.0.1", closed),
                HistoryLimits.DEFAULT);
        assertThatThrownBy(() -> connection.connect().join()).cause()
                .hasMessage("refused: nothing accepts connections on 127.0.0.1:" + closed);
    }

    @Test
    void tlsToAPlainPortIsAHandshakeErrorNotAHang() {
        ExplorerConnection connection = ExplorerConnection.of(profile(ProtocolVersion.V5)
                .withTls(TlsSettings.systemTrust()), HistoryLimits.DEFAULT);
        long start = System.nanoTime();
        assertThatThrownBy(() -> connection.connect().join()).cause()
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("TLS handshake failed",
                        "closed the connection during the handshake (is this port TLS?)"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ExplorerClient.CONNECT_TIMEOUT
                .plusSeconds(5));
    }

    @Test
    void twoConnectionsToTwoBrokersSeeTheirOwnTrafficOnly() throws Exception {
        try (TestBroker other = new TestBroker(dir, "other")) {
            ExplorerConnection first = connected(profile(ProtocolVersion.V5));
            ExplorerConnection second = connected(ConnectionProfile.of("127.0.0.1", other.port()));
            first.subscribe("#", 0).join();
            second.subscribe("#", 0).join();
            first.publish(OutgoingMessage.of("only/first", bytes("1"), 1, false)).join();
            second.publish(OutgoingMessage.of("only/second", bytes("2"), 1, false)).join();
            await().atMost(WAIT).until(() -> first.session().received() == 1 && second.session().received() == 1);
            assertThat(first.session().history("only/second")).isEmpty();
            assertThat(second.session().history("only/first")).isEmpty();
            second.disconnect().join();
        }
    }

    @Test
    void aDroppedConnectionReconnectsWithBackoffAndKeepsWhatItReceived() throws Exception {
        ExplorerConnection connection = connected(profile(ProtocolVersion.V5));
        connection.subscribe("#", 1).join();
        connection.publish(OutgoingMessage.of("kept/a", bytes("1"), 1, false)).join();
        await().atMost(WAIT).until(() -> connection.session().received() == 1);

        broker.close();
        await().atMost(WAIT).until(() -> connection.state().kind() == ConnectionState.Kind.RECONNECTING);
        assertThat(connection.state().message()).startsWith("connection lost: ").contains("reconnecting in");
        assertThat(connection.session().history("kept/a")).hasSize(1);
    }

    @Test
    void backoffDoublesUpToThirtySeconds() {
        assertThat(List.of(1, 2, 3, 5, 6, 20)).extracting(ExplorerConnection::backoff).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 16L, 30L, 30L);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

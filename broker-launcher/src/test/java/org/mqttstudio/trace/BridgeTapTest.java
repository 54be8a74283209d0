package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mosquitto bridge from A to B, where B is fronted by a tap: the bridge is a client like any other. */
class BridgeTapTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private LocalMosquitto a;
    private LocalMosquitto b;
    private WireTap tapB;
    private Mqtt3BlockingClient publisherAtA;
    private Mqtt3BlockingClient watcherAtB;
    private final Recorder recorder = new Recorder();

    @AfterEach
    void stop() {
        disconnect(publisherAtA);
        disconnect(watcherAtB);
        if (tapB != null) {
            tapB.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void bridgeShowsUpAsItsClientIdAndCanBeCutAndRestored() throws Exception {
        b = LocalMosquitto.start(Files.createDirectory(folder.resolve("b")));
        tapB = WireTap.start("B", new InetSocketAddress("127.0.0.1", 0), b.address(), recorder);
        a = LocalMosquitto.start(Files.createDirectory(folder.resolve("a")),
                "connection a-to-b",
                "address 127.0.0.1:" + tapB.port(),
                "clientid bridge-a-b",
                "topic bridged/# out 1",
                "restart_timeout 1 1");
        await().atMost(WAIT).until(() -> connAcks() >= 1);
        PacketEvent connect = recorder.snapshot().get(0);
        assertThat(connect.type()).isEqualTo(PacketType.CONNECT);
        assertThat(connect.clientId()).isEqualTo("bridge-a-b");
        assertThat(connect.properties()).contains(new PacketProperty("bridge", "true"));

        publisherAtA = MqttClient.builder().useMqttVersion3().identifier("pub-a")
                .serverHost("127.0.0.1").serverPort(a.port()).buildBlocking();
        publisherAtA.connect();
        watcherAtB = MqttClient.builder().useMqttVersion3().identifier("watcher-b")
                .serverHost("127.0.0.1").serverPort(tapB.port()).buildBlocking();
        watcherAtB.connect();
        try (Mqtt3BlockingClient.Mqtt3Publishes publishes = watcherAtB.publishes(MqttGlobalPublishFilter.ALL)) {
            watcherAtB.subscribeWith().topicFilter("bridged/#").send();
            publisherAtA.publishWith().topic("bridged/1").qos(MqttQos.AT_LEAST_ONCE).payload("x".getBytes(UTF_8))
                    .send();
            assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
            assertThat(recorder.snapshot()).anySatisfy(e -> {
                assertThat(e.clientId()).isEqualTo("bridge-a-b");
                assertThat(e.type()).isEqualTo(PacketType.PUBLISH);
                assertThat(e.direction()).isEqualTo(PacketDirection.CLIENT_TO_BROKER);
                assertThat(e.topic()).isEqualTo("bridged/1");
            });

            WireTap.Cut cut = tapB.cut(TapConnection.withClientId("bridge-a-b"));
            long connectsAtCut = connects();
            // The bridge retries and is refused.
            await().atMost(WAIT).until(() -> connects() >= connectsAtCut + 1);
            await().atMost(WAIT).until(() -> tapB.connections().stream().map(TapConnection::clientId).toList(),
                    ids -> ids.equals(List.of("watcher-b")));
            long connAcksAtCut = connAcks();
            publisherAtA.publishWith().topic("bridged/2").send();

            tapB.restore(cut);
            await().atMost(WAIT).until(() -> connAcks() > connAcksAtCut);
            publisherAtA.publishWith().topic("bridged/3").qos(MqttQos.AT_LEAST_ONCE).send();
            await().atMost(WAIT).until(() -> publishes.receive(1, TimeUnit.SECONDS)
                    .map(p -> p.getTopic().toString().equals("bridged/3")).orElse(false));
        }
        assertThat(recorder.snapshot()).noneMatch(e -> e.type() == PacketType.MALFORMED);
    }

    private long connects() {
        return count(PacketType.CONNECT);
    }

    private long connAcks() {
        return count(PacketType.CONNACK);
    }

    private long count(PacketType type) {
        return recorder.snapshot().stream()
                .filter(e -> "bridge-a-b".equals(e.clientId()) && e.type() == type).count();
    }

    private static void disconnect(Mqtt3BlockingClient client) {
        if (client != null && client.getState().isConnected()) {
            client.disconnect();
        }
    }
}

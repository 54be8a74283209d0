package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireTapTest {
    private static final InetSocketAddress ANY_LOCAL_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<PacketType> QOS2_FLOW = EnumSet.of(PacketType.PUBREC, PacketType.PUBREL,
            PacketType.PUBCOMP);

    @TempDir
    Path folder;

    private LocalMosquitto mosquitto;
    private final Recorder recorder = new Recorder();
    private WireTap tap;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeEach
    void startBrokerAndTap() throws IOException {
        mosquitto = LocalMosquitto.start(folder);
        tap = WireTap.start("b1", ANY_LOCAL_PORT, mosquitto.address(), recorder);
    }

    @AfterEach
    void stopAll() {
        cleanups.forEach(Runnable::run);
        tap.close();
        mosquitto.close();
    }

    @Test
    void mqtt3SessionShowsAllFourteenPacketTypesWithClientIdsAndMatchingQos2Handshakes() throws Exception {
        Mqtt3BlockingClient subscriber = mqtt3("sub-3");
        subscriber.connectWith().keepAlive(1).send();
        Mqtt3BlockingClient publisher = mqtt3("pub-3");
        publisher.connect();
        try (Mqtt3BlockingClient.Mqtt3Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("t/#").qos(MqttQos.EXACTLY_ONCE).send();
            publisher.publishWith().topic("t/two").qos(MqttQos.EXACTLY_ONCE).payload("hello".getBytes(UTF_8)).send();
            publisher.publishWith().topic("t/one").qos(MqttQos.AT_LEAST_ONCE).payload("one".getBytes(UTF_8)).send();
            Optional<Mqtt3Publish> first = publishes.receive(10, TimeUnit.SECONDS);
            Optional<Mqtt3Publish> second = publishes.receive(10, TimeUnit.SECONDS);
            assertThat(first).isPresent();
            assertThat(second).isPresent();
        }
        await().atMost(WAIT).until(() -> has(of("sub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.PINGRESP)));
        subscriber.unsubscribeWith().topicFilter("t/#").send();
        subscriber.disconnect();
        publisher.disconnect();
        await().atMost(WAIT).until(() -> has(of("sub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT))
                && has(of("pub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT)));

        List<PacketEvent> events = recorder.snapshot();
        assertThat(events).extracting(PacketEvent::type).doesNotContain(PacketType.MALFORMED);
        assertThat(events.stream().map(PacketEvent::type).distinct())
                .containsAll(List.of(PacketType.CONNECT, PacketType.CONNACK, PacketType.PUBLISH, PacketType.PUBACK,
                        PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP, PacketType.SUBSCRIBE,
                        PacketType.SUBACK, PacketType.UNSUBSCRIBE, PacketType.UNSUBACK, PacketType.PINGREQ,
                        PacketType.PINGRESP, PacketType.DISCONNECT));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.clientId()).isIn("sub-3", "pub-3");
            assertThat(e.node()).isEqualTo("b1");
            assertThat(e.nodePort()).isEqualTo(tap.port());
            assertThat(e.protocolVersion()).isEqualTo(4);
            assertThat(e.size()).isEqualTo(e.raw().length);
        });

        PacketEvent connect = single(of("sub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT));
        assertThat(connect.properties()).contains(new PacketProperty("keep-alive", "1"));
        assertThat(single(of("sub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.CONNACK)).reasonCodes())
                .containsExactly(0);
        PacketEvent subscribe = single(of("sub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.SUBSCRIBE));
        assertThat(subscribe.subscriptions()).containsExactly(new TopicFilter("t/#", 2));
        PacketEvent subAck = single(of("sub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.SUBACK));
        assertThat(subAck.packetId()).isEqualTo(subscribe.packetId());
        assertThat(subAck.reasonCodes()).containsExactly(2);
        PacketEvent unsubscribe = single(of("sub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.UNSUBSCRIBE));
        assertThat(unsubscribe.subscriptions()).containsExactly(new TopicFilter("t/#", null));
        assertThat(single(of("sub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.UNSUBACK)).packetId())
                .isEqualTo(unsubscribe.packetId());
        assertThat(single(of("pub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK)).packetId()).isNotNull();

        // The publisher's QoS 2 handshake, one packet id throughout.
        PacketEvent published = single(of("pub-3", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH)
                .and(e -> e.qos() == 2));
        assertThat(published.topic()).isEqualTo("t/two");
        assertThat(published.payloadText()).isEqualTo("hello");
        assertThat(published.packetId()).isNotNull();
        assertThat(handshake("pub-3", published.packetId()))
                .containsExactly(PacketType.PUBLISH, PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP);
        // The subscriber's side: the broker's QoS 2 PUBLISH and its handshake.
        PacketEvent delivered = single(of("sub-3", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH)
                .and(e -> e.qos() == 2));
        assertThat(delivered.topic()).isEqualTo("t/two");
        assertThat(delivered.payload()).isEqualTo("hello".getBytes(UTF_8));
        assertThat(handshake("sub-3", delivered.packetId()))
                .containsExactly(PacketType.PUBLISH, PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP);
    }

    @Test
    void mqtt5PropertiesAndCodesDecodeInBothDirections() throws Exception {
        Mqtt5BlockingClient subscriber = mqtt5("sub-5");
        subscriber.connect();
        Mqtt5BlockingClient publisher = mqtt5("pub-5");
        publisher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("v5/#").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.publishWith().topic("v5/x").qos(MqttQos.EXACTLY_ONCE).payload("five".getBytes(UTF_8))
                    .contentType("text/plain").userProperties().add("colour", "blue").applyUserProperties().send();
            Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
            assertThat(received).isPresent();
            // The client now sends the topic as its alias only: the event still names it.
            publisher.publishWith().topic("v5/x").payload("again".getBytes(UTF_8)).send();
            assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
        }
        subscriber.disconnect();
        publisher.disconnect();
        await().atMost(WAIT).until(() -> has(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT)));

        assertThat(recorder.snapshot()).allSatisfy(e -> {
            assertThat(e.type()).isNotEqualTo(PacketType.MALFORMED);
            assertThat(e.protocolVersion()).isEqualTo(5);
        });
        assertThat(single(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.SUBACK)).reasonCodes())
                .containsExactly(1);
        // Broker-to-client packets decode only if the decoder was told the version (NOTES trap 2).
        List<PacketEvent> sent = recorder.snapshot().stream()
                .filter(of("pub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH)).toList();
        assertThat(sent).extracting(PacketEvent::topic).containsExactly("v5/x", "v5/x");
        assertThat(sent.get(1).properties()).contains(new PacketProperty("TOPIC_ALIAS", "1"));
        assertThat(new String(sent.get(1).raw(), UTF_8)).doesNotContain("v5/x");
        PacketEvent delivered = single(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH)
                .and(e -> e.qos() == 1));
        assertThat(delivered.topic()).isEqualTo("v5/x");
        assertThat(delivered.payloadText()).isEqualTo("five");
        assertThat(delivered.qos()).isEqualTo(1);
        assertThat(delivered.properties()).contains(new PacketProperty("USER_PROPERTY", "colour=blue"),
                new PacketProperty("CONTENT_TYPE", "text/plain"));
        assertThat(single(of("pub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.CONNACK)).reasonCodes())
                .containsExactly(0);
        assertThat(single(of("pub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBREC)).reasonCodes())
                .containsExactly(0);
    }

    @Test
    void garbageGivesMalformedEventAndTapAndBrokerStayUp() throws Exception {
        byte[] garbage = {0x00, 0x02, 0x11, 0x22, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        try (Socket socket = new Socket("127.0.0.1", tap.port())) {
            socket.getOutputStream().write(garbage);
            socket.getOutputStream().flush();
            await().atMost(WAIT).until(() -> has(e -> e.type() == PacketType.MALFORMED));
        }
        await().atMost(WAIT).until(() -> recorder.snapshot().stream()
                .filter(e -> e.type() == PacketType.MALFORMED).mapToInt(PacketEvent::size).sum() == garbage.length);
        PacketEvent malformed = recorder.snapshot().get(0);
        assertThat(malformed.raw()).containsExactly(0x00, 0x02, 0x11, 0x22);
        assertThat(malformed.direction()).isEqualTo(PacketDirection.CLIENT_TO_BROKER);
        assertThat(malformed.clientId()).isNull();
        assertThat(malformed.error()).isNotBlank();

        Mqtt3BlockingClient later = mqtt3("later");
        later.connect();
        later.publishWith().topic("ok").qos(MqttQos.AT_LEAST_ONCE).send();
        await().atMost(WAIT).until(() -> has(of("later", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK)));
    }

    @Test
    void bytesFlowUntouchedInBothDirectionsWhateverTheyAre() throws Exception {
        try (EchoServer echo = new EchoServer();
             WireTap echoTap = WireTap.start("echo", ANY_LOCAL_PORT, echo.address(), recorder);
             Socket socket = new Socket("127.0.0.1", echoTap.port())) {
            byte[] sent = new byte[200_000];
            new java.util.Random(7).nextBytes(sent);
            OutputStream out = socket.getOutputStream();
            out.write(sent);
            out.flush();
            byte[] back = socket.getInputStream().readNBytes(sent.length);
            assertThat(back).isEqualTo(sent);
        }
    }

    @Test
    void cutDropsAClientAndRefusesItUntilRestored() throws Exception {
        Mqtt3BlockingClient victim = mqtt3("victim");
        victim.connect();
        Mqtt3BlockingClient bystander = mqtt3("bystander");
        bystander.connect();

        WireTap.Cut cut = tap.cut(TapConnection.withClientId("victim"));
        await().atMost(WAIT).until(() -> !victim.getState().isConnected());
        assertThat(bystander.getState().isConnected()).isTrue();
        assertThatThrownBy(victim::connect).isInstanceOf(RuntimeException.class);
        await().atMost(WAIT).until(() -> tap.connections().stream().map(TapConnection::clientId).toList(),
                ids -> ids.equals(List.of("bystander")));

        tap.restore(cut);
        victim.connect();
        assertThat(victim.getState().isConnected()).isTrue();
    }

    @Test
    void cutAllRefusesNewConnectionsBeforeTheyReachTheBroker() throws Exception {
        WireTap.Cut cut = tap.cutAll();
        Mqtt3BlockingClient refused = mqtt3("refused");
        assertThatThrownBy(refused::connect).isInstanceOf(RuntimeException.class);
        assertThat(recorder.snapshot()).isEmpty();

        tap.restore(cut);
        refused.connect();
        assertThat(refused.getState().isConnected()).isTrue();
    }

    @Test
    void latencyDelaysBothDirectionsAndKeepsOrder() throws Exception {
        Mqtt3BlockingClient subscriber = mqtt3("slow-sub");
        subscriber.connect();
        Mqtt3BlockingClient publisher = mqtt3("slow-pub");
        publisher.connect();
        try (Mqtt3BlockingClient.Mqtt3Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("lat/#").send();
            long direct = roundTrip(publisher, publishes, "lat/0");

            tap.setLatency(Duration.ofMillis(300));
            // publisher -> tap -> broker and broker -> tap -> subscriber: two delays
            long delayed = roundTrip(publisher, publishes, "lat/1");
            assertThat(delayed).isGreaterThanOrEqualTo(600).isGreaterThan(direct + 400);

            for (int i = 0; i < 50; i++) {
                publisher.publishWith().topic("lat/seq").payload(Integer.toString(i).getBytes(UTF_8)).send();
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                received.add(new String(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes(),
                        UTF_8));
            }
            assertThat(received).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 50).mapToObj(Integer::toString).toList());
        }
    }

    @Test
    void aDelayOnOneLinkSlowsOnlyThatLink() throws Exception {
        Mqtt3BlockingClient subscriber = mqtt3("sub");
        subscriber.connect();
        Mqtt3BlockingClient slow = mqtt3("slow");
        slow.connect();
        Mqtt3BlockingClient fast = mqtt3("fast");
        fast.connect();
        try (Mqtt3BlockingClient.Mqtt3Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("d/#").send();
            WireTap.Delay delay = tap.delay(TapConnection.withClientId("slow"), Duration.ofMillis(500));
            long slowTrip = roundTrip(slow, publishes, "d/slow");
            long fastTrip = roundTrip(fast, publishes, "d/fast");
            assertThat(slowTrip).isGreaterThanOrEqualTo(500).isGreaterThan(fastTrip + 300);

            tap.undelay(delay);
            assertThat(roundTrip(slow, publishes, "d/slow")).isLessThan(slowTrip - 300);
        }
    }

    @Test
    void closeDropsConnectionsAndFreesThePortForTheNextTap() throws Exception {
        Mqtt3BlockingClient client = mqtt3("short-lived");
        client.connect();
        int port = tap.port();

        tap.close();
        await().atMost(WAIT).until(() -> !client.getState().isConnected());
        tap = WireTap.start("b1", new InetSocketAddress("127.0.0.1", port), mosquitto.address(), recorder);

        assertThat(tap.port()).isEqualTo(port);
        client.connect();
        assertThat(client.getState().isConnected()).isTrue();
    }

    @Test
    void aTakenPortFailsWithOneLineNamingNodeAndAddress() {
        assertThatThrownBy(() -> WireTap.start("b2", new InetSocketAddress("127.0.0.1", tap.port()),
                mosquitto.address(), recorder))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("node b2: cannot listen on 127.0.0.1:" + tap.port() + ": ")
                .hasMessageNotContaining("\n");
    }

    private static long roundTrip(Mqtt3BlockingClient publisher, Mqtt3BlockingClient.Mqtt3Publishes publishes,
                                  String topic) throws InterruptedException {
        long start = System.nanoTime();
        publisher.publishWith().topic(topic).send();
        assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private List<PacketType> handshake(String clientId, int packetId) {
        return recorder.snapshot().stream()
                .filter(e -> clientId.equals(e.clientId()) && Integer.valueOf(packetId).equals(e.packetId()))
                // the QoS 2 flow only: the id may be reused later by a QoS 1 PUBLISH/PUBACK
                .filter(e -> e.type() == PacketType.PUBLISH ? e.qos() == 2 : QOS2_FLOW.contains(e.type()))
                .map(PacketEvent::type)
                .toList();
    }

    private static Predicate<PacketEvent> of(String clientId, PacketDirection direction, PacketType type) {
        return e -> clientId.equals(e.clientId()) && e.direction() == direction && e.type() == type;
    }

    private boolean has(Predicate<PacketEvent> which) {
        return recorder.snapshot().stream().anyMatch(which);
    }

    private PacketEvent single(Predicate<PacketEvent> which) {
        List<PacketEvent> found = recorder.snapshot().stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Mqtt3BlockingClient mqtt3(String id) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost("127.0.0.1").serverPort(tap.port()).buildBlocking();
        cleanups.add(() -> disconnectQuietly(() -> client.disconnect(), client.getState().isConnected()));
        return client;
    }

    private Mqtt5BlockingClient mqtt5(String id) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(id)
                .serverHost("127.0.0.1").serverPort(tap.port()).buildBlocking();
        cleanups.add(() -> disconnectQuietly(() -> client.disconnect(), client.getState().isConnected()));
        return client;
    }

    private static void disconnectQuietly(Runnable disconnect, boolean connected) {
        if (connected) {
            try {
                disconnect.run();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    /** Echoes every byte back; upstream for checking that the tap forwards arbitrary bytes untouched. */
    private static final class EchoServer implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "echo");

        EchoServer() throws IOException {
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getLocalPort());
        }

        private void serve() {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                in.transferTo(socket.getOutputStream());
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

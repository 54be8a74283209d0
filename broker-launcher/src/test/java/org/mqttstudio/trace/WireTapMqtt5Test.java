package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.trace.Mqtt5Wire.body;
import static org.mqttstudio.trace.Mqtt5Wire.packet;
import static org.mqttstudio.trace.Mqtt5Wire.userProperty;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT 5 counterpart of {@link WireTapTest}'s 3.1.1 session: all fifteen packet types, AUTH included,
 * through a tap in front of a real mosquitto 2, with the reason codes and properties mosquitto and the client
 * put on them. (Every property of every packet type, written byte by byte, is {@link Mqtt5PacketEventsTest}.)
 */
class WireTapMqtt5Test {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private LocalMosquitto mosquitto;
    private final Recorder recorder = new Recorder();
    private WireTap tap;

    @BeforeEach
    void startBrokerAndTap() throws IOException {
        mosquitto = LocalMosquitto.start(folder);
        tap = WireTap.start("b5", new InetSocketAddress("127.0.0.1", 0), mosquitto.address(), recorder);
    }

    @AfterEach
    void stopAll() {
        tap.close();
        mosquitto.close();
    }

    @Test
    void anMqtt5SessionShowsAllFifteenPacketTypesWithReasonCodesAndProperties() throws Exception {
        Mqtt5BlockingClient subscriber = client("sub-5");
        subscriber.connectWith().keepAlive(1).userProperties().add("who", "sub").applyUserProperties().send();
        Mqtt5BlockingClient publisher = client("pub-5");
        publisher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("v5/#").qos(MqttQos.EXACTLY_ONCE).noLocal(true)
                    .retainAsPublished(true).userProperties().add("why", "test").applyUserProperties().send();
            publisher.publishWith().topic("v5/two").qos(MqttQos.EXACTLY_ONCE).payload("two".getBytes(UTF_8))
                    .messageExpiryInterval(60).send();
            // nobody subscribes to this one: mosquitto's PUBACK says so (0x10 No matching subscribers)
            publisher.publishWith().topic("elsewhere").qos(MqttQos.AT_LEAST_ONCE).payload("x".getBytes(UTF_8))
                    .send();
            assertThat(publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS)).isPresent();
            await().atMost(WAIT).until(() -> has(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBREL))
                    && has(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBCOMP))
                    && has(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.PINGRESP)));
        }
        subscriber.unsubscribeWith().topicFilter("v5/#").addTopicFilter("never/subscribed").send();
        subscriber.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                .reasonString("done").send();
        publisher.disconnect();
        authWithoutAMethod();
        aliasBeyondTheMaximum();
        await().atMost(WAIT).until(() -> has(of("auth-5", PacketDirection.CLIENT_TO_BROKER, PacketType.AUTH))
                && has(of("alias-5", PacketDirection.BROKER_TO_CLIENT, PacketType.DISCONNECT))
                && has(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT))
                && has(of("pub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT)));

        List<PacketEvent> events = recorder.snapshot();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.type()).as(e.error()).isNotEqualTo(PacketType.MALFORMED);
            assertThat(e.protocolVersion()).isEqualTo(5);
        });
        assertThat(events.stream().map(PacketEvent::type).distinct()).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(PacketType.MALFORMED)));

        PacketEvent connect = single(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT));
        assertThat(connect.properties()).contains(new PacketProperty("keep-alive", "1"),
                new PacketProperty("USER_PROPERTY", "who=sub"));
        PacketEvent connAck = single(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.CONNACK));
        assertThat(connAck.reasonCodes()).containsExactly(0);
        // what mosquitto 2 announces to an MQTT 5 client
        assertThat(connAck.properties()).extracting(PacketProperty::name).contains("session-present",
                "TOPIC_ALIAS_MAXIMUM");
        PacketEvent subscribe = single(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.SUBSCRIBE));
        assertThat(subscribe.subscriptions()).containsExactly(new TopicFilter("v5/#", 2));
        assertThat(subscribe.properties()).contains(new PacketProperty("USER_PROPERTY", "why=test"),
                new PacketProperty("subscription-options", "v5/# no-local retain-as-published retain-handling=0"));
        assertThat(single(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.SUBACK)).reasonCodes())
                .containsExactly(2);
        PacketEvent published = single(of("pub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH)
                .and(e -> "v5/two".equals(e.topic())));
        assertThat(published.properties()).contains(new PacketProperty("MESSAGE_EXPIRY_INTERVAL", "60"));
        // the id is free again once PUBCOMP is in: the QoS 1 publish after it may take it
        assertThat(handshake("pub-5", published.packetId()))
                .startsWith(PacketType.PUBLISH, PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP);
        PacketEvent unheard = single(of("pub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK));
        assertThat(unheard.reasonCodes()).as("No matching subscribers").containsExactly(0x10);
        assertThat(single(of("sub-5", PacketDirection.BROKER_TO_CLIENT, PacketType.UNSUBACK)).reasonCodes())
                .as("Success, No subscription existed").containsExactly(0x00, 0x11);
        PacketEvent disconnect = single(of("sub-5", PacketDirection.CLIENT_TO_BROKER, PacketType.DISCONNECT));
        assertThat(disconnect.reasonCodes()).containsExactly(0x04);
        assertThat(disconnect.properties()).contains(new PacketProperty("REASON_STRING", "done"));
        PacketEvent auth = single(of("auth-5", PacketDirection.CLIENT_TO_BROKER, PacketType.AUTH));
        assertThat(auth.reasonCodes()).containsExactly(0x19);
        assertThat(auth.properties()).contains(new PacketProperty("AUTHENTICATION_METHOD", "SCRAM-SHA-1"),
                new PacketProperty("USER_PROPERTY", "k=auth"));
        assertThat(single(of("alias-5", PacketDirection.BROKER_TO_CLIENT, PacketType.DISCONNECT)).reasonCodes())
                .as("Topic Alias invalid").containsExactly(0x94);
    }

    /**
     * A client (no library sends AUTH to a server that did not ask for it) that re-authenticates out of the blue;
     * mosquitto, which has no such method, closes the connection.
     */
    private void authWithoutAMethod() throws IOException {
        try (Socket socket = connected("auth-5")) {
            socket.getOutputStream().write(packet(0xF0, body().byte1(0x19)
                    .properties(body().byte1(0x15).string("SCRAM-SHA-1").raw(userProperty("k", "auth").bytes()))));
            socket.getInputStream().readAllBytes(); // until mosquitto closes the connection
        }
    }

    /** mosquitto tells an MQTT 5 client why it drops it: here a topic alias above its maximum (10). */
    private void aliasBeyondTheMaximum() throws IOException {
        try (Socket socket = connected("alias-5")) {
            socket.getOutputStream().write(packet(0x30, body().string("v5/alias")
                    .properties(body().byte1(0x23).int2(100)).raw("x".getBytes(UTF_8))));
            socket.getInputStream().readAllBytes(); // the DISCONNECT, then the end
        }
    }

    private Socket connected(String clientId) throws IOException {
        Socket socket = new Socket("127.0.0.1", tap.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.getOutputStream().write(packet(0x10, body().string("MQTT").byte1(5).byte1(0x02).int2(60)
                .properties(body()).string(clientId)));
        InputStream in = socket.getInputStream();
        byte[] connAck = in.readNBytes(2);
        assertThat(connAck).as("CONNACK").startsWith((byte) 0x20);
        in.readNBytes(connAck[1]);
        return socket;
    }

    private Mqtt5BlockingClient client(String id) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1")
                .serverPort(tap.port()).buildBlocking();
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

    private List<PacketType> handshake(String clientId, int packetId) {
        return recorder.snapshot().stream()
                .filter(e -> clientId.equals(e.clientId()) && e.packetId() != null && e.packetId() == packetId)
                .map(PacketEvent::type).toList();
    }
}

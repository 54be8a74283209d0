package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.trace.Mqtt5Wire.body;
import static org.mqttstudio.trace.Mqtt5Wire.packet;
import static org.mqttstudio.trace.Mqtt5Wire.userProperty;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every MQTT 5 packet type, AUTH included, each with a reason code where the packet has one and properties
 * where it has them, decoded as the tap decodes (framing, Netty's decoder told version 5, {@link PacketEvents}).
 */
class Mqtt5PacketEventsTest {
    private static final PacketEvents.Origin ORIGIN = new PacketEvents.Origin("n", 1,
            new InetSocketAddress("127.0.0.1", 50000), 1883, Transport.TCP, "c5", 5, PacketDirection.CLIENT_TO_BROKER);

    private final List<PacketEvent> events = new ArrayList<>();
    private final Map<Integer, String> aliases = new HashMap<>();
    private final MqttStreamDecoder decoder = new MqttStreamDecoder(new MqttStreamDecoder.Listener() {
        @Override
        public void packet(MqttMessage message, byte[] raw, Instant time) {
            events.add(PacketEvents.decoded(ORIGIN, message, raw, time, aliases));
        }

        @Override
        public void malformed(byte[] raw, String error, Instant time) {
            events.add(PacketEvents.malformed(ORIGIN, raw, error, time));
        }
    });

    private PacketEvent decode(byte[] packet) {
        decoder.protocolVersion(MqttVersion.MQTT_5);
        events.clear();
        decoder.feed(packet, Instant.now());
        assertThat(events).hasSize(1);
        PacketEvent event = events.get(0);
        assertThat(event.error()).isNull();
        assertThat(event.raw()).isEqualTo(packet);
        return event;
    }

    private static PacketProperty property(String name, String value) {
        return new PacketProperty(name, value);
    }

    @Test
    void connectWithPropertiesWillPropertiesWillFlagsAndCredentials() {
        byte[] connect = packet(0x10, body().string("MQTT").byte1(5)
                .byte1(0x80 | 0x40 | 0x20 | 0x10 | 0x04 | 0x02) // user, password, will retain, will QoS 2, will, clean
                .int2(30)
                .properties(body().byte1(0x11).int4(120).byte1(0x21).int2(10).raw(userProperty("k", "connect").bytes()))
                .string("c5")
                .properties(body().byte1(0x18).int4(5).byte1(0x03).string("text/plain")
                        .raw(userProperty("k", "will").bytes()))
                .string("last/will").binary("gone".getBytes(StandardCharsets.UTF_8))
                .string("alice").binary("secret".getBytes(StandardCharsets.UTF_8)));

        PacketEvent e = decode(connect);

        assertThat(e.type()).isEqualTo(PacketType.CONNECT);
        assertThat(e.protocolVersion()).isEqualTo(5);
        assertThat(e.clientId()).isEqualTo("c5");
        assertThat(e.topic()).isEqualTo("last/will");
        assertThat(e.payloadText()).isEqualTo("gone");
        assertThat(e.properties()).containsExactlyInAnyOrder(property("keep-alive", "30"),
                property("clean-start", "true"), property("username", "alice"), property("password", "set"),
                property("will-qos", "2"), property("will-retain", "true"),
                property("SESSION_EXPIRY_INTERVAL", "120"), property("RECEIVE_MAXIMUM", "10"),
                property("USER_PROPERTY", "k=connect"),
                property("will.WILL_DELAY_INTERVAL", "5"), property("will.CONTENT_TYPE", "text/plain"),
                property("will.USER_PROPERTY", "k=will"));
        assertThat(e.properties()).doesNotContain(property("password", "secret"));
    }

    @Test
    void connackWithSessionPresentReasonCodeAndProperties() {
        PacketEvent e = decode(packet(0x20, body().byte1(0x01).byte1(0x87)
                .properties(body().byte1(0x24).byte1(1).byte1(0x1F).string("not you")
                        .raw(userProperty("k", "connack").bytes()))));

        assertThat(e.type()).isEqualTo(PacketType.CONNACK);
        assertThat(e.reasonCodes()).containsExactly(0x87);
        assertThat(e.properties()).containsExactlyInAnyOrder(property("session-present", "true"),
                property("MAXIMUM_QOS", "1"), property("REASON_STRING", "not you"),
                property("USER_PROPERTY", "k=connack"));
    }

    @Test
    void publishWithPropertiesAndSeveralSubscriptionIdentifiers() {
        PacketEvent e = decode(packet(0x30 | 0x08 | 0x02 | 0x01, body().string("a/b").int2(7) // DUP, QoS 1, RETAIN
                .properties(body().byte1(0x01).byte1(1).byte1(0x02).int4(60).byte1(0x08).string("reply/to")
                        .byte1(0x09).binary(new byte[] {1, 2, 3}).byte1(0x0B).varint(3).byte1(0x0B).varint(200)
                        .raw(userProperty("k", "publish").bytes()))
                .raw("hi".getBytes(StandardCharsets.UTF_8))));

        assertThat(e.type()).isEqualTo(PacketType.PUBLISH);
        assertThat(e.topic()).isEqualTo("a/b");
        assertThat(e.packetId()).isEqualTo(7);
        assertThat(e.qos()).isEqualTo(1);
        assertThat(e.dup()).isTrue();
        assertThat(e.retain()).isTrue();
        assertThat(e.payloadText()).isEqualTo("hi");
        assertThat(e.properties()).containsExactlyInAnyOrder(property("PAYLOAD_FORMAT_INDICATOR", "1"),
                property("MESSAGE_EXPIRY_INTERVAL", "60"), property("RESPONSE_TOPIC", "reply/to"),
                property("CORRELATION_DATA", "AQID"), property("SUBSCRIPTION_IDENTIFIER", "3"),
                property("SUBSCRIPTION_IDENTIFIER", "200"), property("USER_PROPERTY", "k=publish"));
    }

    @Test
    void theFourAcknowledgementsCarryTheirReasonCodesAndProperties() {
        int[][] packets = {{0x40, 0x10}, {0x50, 0x97}, {0x62, 0x92}, {0x70, 0x92}}; // first byte, reason code
        List<PacketType> types = List.of(PacketType.PUBACK, PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP);
        for (int i = 0; i < packets.length; i++) {
            PacketEvent e = decode(packet(packets[i][0], body().int2(40 + i).byte1(packets[i][1])
                    .properties(body().byte1(0x1F).string("why " + i).raw(userProperty("k", "ack" + i).bytes()))));

            assertThat(e.type()).isEqualTo(types.get(i));
            assertThat(e.packetId()).isEqualTo(40 + i);
            assertThat(e.reasonCodes()).as(types.get(i).name()).containsExactly(packets[i][1]);
            assertThat(e.properties()).as(types.get(i).name()).containsExactlyInAnyOrder(
                    property("REASON_STRING", "why " + i), property("USER_PROPERTY", "k=ack" + i));
        }
    }

    @Test
    void anAcknowledgementWithoutReasonCodeIsSuccess() {
        PacketEvent e = decode(packet(0x40, body().int2(9)));

        assertThat(e.reasonCodes()).containsExactly(0);
        assertThat(e.properties()).isEmpty();
    }

    @Test
    void subscribeWithOptionsPerFilterAndProperties() {
        PacketEvent e = decode(packet(0x82, body().int2(11)
                .properties(body().byte1(0x0B).varint(5).raw(userProperty("k", "subscribe").bytes()))
                .string("a/#").byte1(0x01 | 0x04 | 0x08 | 0x20) // QoS 1, no local, retain as published, handling 2
                .string("b/+").byte1(0x02)));

        assertThat(e.type()).isEqualTo(PacketType.SUBSCRIBE);
        assertThat(e.packetId()).isEqualTo(11);
        assertThat(e.subscriptions()).containsExactly(new TopicFilter("a/#", 1), new TopicFilter("b/+", 2));
        assertThat(e.properties()).containsExactlyInAnyOrder(property("SUBSCRIPTION_IDENTIFIER", "5"),
                property("USER_PROPERTY", "k=subscribe"),
                property("subscription-options", "a/# no-local retain-as-published retain-handling=2"),
                property("subscription-options", "b/+ retain-handling=0"));
    }

    @Test
    void subackAndUnsubackCarryEveryReasonCodeAndTheirProperties() {
        PacketEvent subAck = decode(packet(0x90, body().int2(11)
                .properties(body().byte1(0x1F).string("partly").raw(userProperty("k", "suback").bytes()))
                .byte1(0x01).byte1(0x87)));
        PacketEvent unsubAck = decode(packet(0xB0, body().int2(12)
                .properties(body().raw(userProperty("k", "unsuback").bytes())).byte1(0x00).byte1(0x11)));

        assertThat(subAck.type()).isEqualTo(PacketType.SUBACK);
        assertThat(subAck.reasonCodes()).containsExactly(0x01, 0x87);
        assertThat(subAck.properties()).containsExactlyInAnyOrder(property("REASON_STRING", "partly"),
                property("USER_PROPERTY", "k=suback"));
        assertThat(unsubAck.type()).isEqualTo(PacketType.UNSUBACK);
        assertThat(unsubAck.packetId()).isEqualTo(12);
        assertThat(unsubAck.reasonCodes()).containsExactly(0x00, 0x11);
        assertThat(unsubAck.properties()).containsExactly(property("USER_PROPERTY", "k=unsuback"));
    }

    @Test
    void unsubscribeWithProperties() {
        PacketEvent e = decode(packet(0xA2, body().int2(12)
                .properties(body().raw(userProperty("k", "unsubscribe").bytes())).string("a/#").string("b/+")));

        assertThat(e.type()).isEqualTo(PacketType.UNSUBSCRIBE);
        assertThat(e.subscriptions()).containsExactly(new TopicFilter("a/#", null), new TopicFilter("b/+", null));
        assertThat(e.properties()).containsExactly(property("USER_PROPERTY", "k=unsubscribe"));
    }

    @Test
    void pingsHaveNeitherCodesNorProperties() {
        PacketEvent request = decode(packet(0xC0, body()));
        PacketEvent response = decode(packet(0xD0, body()));

        assertThat(request.type()).isEqualTo(PacketType.PINGREQ);
        assertThat(response.type()).isEqualTo(PacketType.PINGRESP);
        assertThat(List.of(request, response)).allSatisfy(e -> {
            assertThat(e.reasonCodes()).isEmpty();
            assertThat(e.properties()).isEmpty();
        });
    }

    @Test
    void disconnectAndAuthCarryReasonCodeAndProperties() {
        PacketEvent disconnect = decode(packet(0xE0, body().byte1(0x04)
                .properties(body().byte1(0x11).int4(0).byte1(0x1F).string("bye")
                        .raw(userProperty("k", "disconnect").bytes()))));
        PacketEvent auth = decode(packet(0xF0, body().byte1(0x18)
                .properties(body().byte1(0x15).string("SCRAM-SHA-1").byte1(0x16).binary(new byte[] {9, 8})
                        .raw(userProperty("k", "auth").bytes()))));

        assertThat(disconnect.type()).isEqualTo(PacketType.DISCONNECT);
        assertThat(disconnect.reasonCodes()).containsExactly(0x04);
        assertThat(disconnect.properties()).containsExactlyInAnyOrder(property("SESSION_EXPIRY_INTERVAL", "0"),
                property("REASON_STRING", "bye"), property("USER_PROPERTY", "k=disconnect"));
        assertThat(auth.type()).isEqualTo(PacketType.AUTH);
        assertThat(auth.reasonCodes()).containsExactly(0x18);
        assertThat(auth.properties()).containsExactlyInAnyOrder(property("AUTHENTICATION_METHOD", "SCRAM-SHA-1"),
                property("AUTHENTICATION_DATA", "CQg="), property("USER_PROPERTY", "k=auth"));
    }

    @Test
    void aDisconnectWithoutReasonCodeIsNormal() {
        PacketEvent e = decode(packet(0xE0, body()));

        assertThat(e.type()).isEqualTo(PacketType.DISCONNECT);
        assertThat(e.reasonCodes()).containsExactly(0);
    }
}

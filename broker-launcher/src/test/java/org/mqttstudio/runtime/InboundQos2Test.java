package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.PacketType;

/** A QoS 2 message resent before its PUBREL is handed over once; released ids and clean starts begin afresh. */
class InboundQos2Test {
    private final InboundQos2 inbound = new InboundQos2();

    private static PacketEvent packet(PacketDirection direction, PacketType type, Integer packetId, int qos, boolean dup,
            List<PacketProperty> properties) {
        return new PacketEvent(Instant.now(), "b", 1, new InetSocketAddress("127.0.0.1", 40000), 1883, "s", direction,
                type, packetId, qos, dup, false, type == PacketType.PUBLISH ? "t" : null,
                type == PacketType.PUBLISH ? new byte[] {1} : null, List.of(), List.of(), properties, 5, 10, new byte[10],
                null);
    }

    private static PacketEvent publish(int id, int qos, boolean dup) {
        return packet(PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH, qos == 0 ? null : id, qos, dup, List.of());
    }

    private static PacketEvent pubrel(int id) {
        return packet(PacketDirection.BROKER_TO_CLIENT, PacketType.PUBREL, id, 1, false, List.of());
    }

    private static PacketEvent connect(boolean cleanStart) {
        return packet(PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT, null, 0, false,
                List.of(new PacketProperty("clean-start", String.valueOf(cleanStart))));
    }

    @Test
    void aQos2ResendBeforeThePubrelIsTheSameMessage() {
        assertThat(inbound.isNewMessage(connect(true))).isFalse();
        assertThat(inbound.isNewMessage(publish(1, 2, false))).isTrue();
        assertThat(inbound.isNewMessage(publish(1, 2, true))).isFalse();
        assertThat(inbound.isNewMessage(connect(false))).isFalse(); // the session goes on: still the same message
        assertThat(inbound.isNewMessage(publish(1, 2, true))).isFalse();
        assertThat(inbound.isNewMessage(pubrel(1))).isFalse();
        assertThat(inbound.isNewMessage(publish(1, 2, false))).isTrue(); // the id reused for a new message
        assertThat(inbound.isNewMessage(connect(true))).isFalse();
        assertThat(inbound.isNewMessage(publish(1, 2, false))).isTrue(); // a clean start forgot it
    }

    @Test
    void qos0And1PublishesAreEachHandedOver() {
        assertThat(inbound.isNewMessage(publish(0, 0, false))).isTrue();
        assertThat(inbound.isNewMessage(publish(0, 0, false))).isTrue();
        assertThat(inbound.isNewMessage(publish(7, 1, false))).isTrue();
        assertThat(inbound.isNewMessage(publish(7, 1, true))).isTrue(); // QoS 1: a resend is delivered again
        assertThat(inbound.isNewMessage(packet(PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, 3, 2, false,
                List.of()))).isFalse(); // the client's own publish is no delivery
    }
}

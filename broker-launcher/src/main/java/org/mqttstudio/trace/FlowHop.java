package org.mqttstudio.trace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One hop of a {@link MessageFlow}: one PUBLISH on one tapped connection, with the packets of its QoS 1/2
 * handshake on that connection.
 *
 * @param node         the node whose tap saw the PUBLISH
 * @param connectionId the connection's number at that tap
 * @param clientId     the connection's client id (a bridge's remote client id for a bridge link); null if unseen
 * @param direction    CLIENT_TO_BROKER: the message entered the node; BROKER_TO_CLIENT: the node delivered it
 * @param topic        the topic on this hop (bridge prefixes may change it from hop to hop)
 * @param qos          the QoS of this hop's PUBLISH
 * @param packetId     the PUBLISH's packet id; null at QoS 0
 * @param dup          the PUBLISH's DUP flag (set on a first PUBLISH of a hop when a client resends on a new
 *                     connection, e.g. a bridge after reconnecting)
 * @param published    when the tap saw the PUBLISH
 * @param acks         the handshake after the PUBLISH, in order: PUBACK, or PUBREC/PUBREL/PUBCOMP, and any resent
 *                     PUBLISH (DUP) or PUBREL
 */
public record FlowHop(String node, long connectionId, String clientId, PacketDirection direction, String topic,
                      int qos, Integer packetId, boolean dup, Instant published, List<Ack> acks) {

    public FlowHop {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(published, "published");
        acks = List.copyOf(acks);
    }

    /**
     * One packet of a hop's handshake.
     *
     * @param type         PUBACK, PUBREC, PUBREL, PUBCOMP, or PUBLISH for a resend
     * @param direction    which way it went
     * @param time         when the tap saw it
     * @param reasonCodes  the MQTT 5 reason code, if the packet carried one
     */
    public record Ack(PacketType type, PacketDirection direction, Instant time, List<Integer> reasonCodes) {
        public Ack {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(time, "time");
            reasonCodes = List.copyOf(reasonCodes);
        }
    }

    /** True once the hop's QoS handshake is over: at once at QoS 0, after PUBACK at 1, after PUBCOMP at 2. */
    public boolean handshakeComplete() {
        PacketType last = switch (qos) {
            case 0 -> null;
            case 1 -> PacketType.PUBACK;
            default -> PacketType.PUBCOMP;
        };
        return last == null || acks.stream().anyMatch(ack -> ack.type() == last);
    }
}

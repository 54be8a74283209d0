package org.mqttstudio.trace;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One MQTT packet (or one run of undecodable bytes) seen by a {@link WireTap}.
 *
 * @param time            when the tap read the packet's last byte
 * @param node            the node (broker) the tap fronts
 * @param connectionId    the connection's number, counted from 1 per tap, per node in a run (its taps share
 *                        {@link ConnectionNumbers}): with the node it names one connection
 * @param clientAddress   the client's address as the tap saw it
 * @param nodePort        the tap's port, i.e. the node's port as clients know it
 * @param transport       how the connection carries MQTT (a WebSocket listener's packets are the MQTT packets
 *                        inside its frames: {@code raw} and {@code size} are those, not the frames)
 * @param clientId        the client id from this connection's CONNECT; null until that was seen
 * @param direction       which way the packet went
 * @param type            the packet type, MALFORMED for bytes that did not decode
 * @param packetId        the packet identifier; null when the packet has none
 * @param qos             the fixed header's QoS bits (0 unless PUBLISH, or 1 for PUBREL/SUBSCRIBE/UNSUBSCRIBE)
 * @param dup             the fixed header's DUP flag
 * @param retain          the fixed header's RETAIN flag
 * @param topic           the PUBLISH topic, or the will topic of a CONNECT; null otherwise
 * @param payload         the PUBLISH payload, or the will message of a CONNECT; null otherwise
 * @param reasonCodes     CONNACK return/reason code, SUBACK/UNSUBACK codes, MQTT 5 PUBACK..PUBCOMP, DISCONNECT
 *                        and AUTH reason codes; empty when the packet has none
 * @param subscriptions   the filters of a SUBSCRIBE or UNSUBSCRIBE; empty otherwise
 * @param properties      MQTT 5 properties, and keep-alive/clean-start/username for CONNECT
 * @param protocolVersion the connection's protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5); null before CONNECT
 * @param size            bytes on the wire
 * @param raw             the bytes on the wire
 * @param error           why the bytes did not decode (MALFORMED only); null otherwise
 */
public record PacketEvent(
        Instant time,
        String node,
        long connectionId,
        InetSocketAddress clientAddress,
        int nodePort,
        Transport transport,
        String clientId,
        PacketDirection direction,
        PacketType type,
        Integer packetId,
        int qos,
        boolean dup,
        boolean retain,
        String topic,
        byte[] payload,
        List<Integer> reasonCodes,
        List<TopicFilter> subscriptions,
        List<PacketProperty> properties,
        Integer protocolVersion,
        int size,
        byte[] raw,
        String error) {

    public PacketEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        reasonCodes = immutable(reasonCodes);
        subscriptions = immutable(subscriptions);
        properties = immutable(properties);
        payload = payload == null ? null : payload.clone();
        raw = raw.clone();
    }

    /** A packet of a plain TCP connection (the constructor from before WebSocket listeners were traced). */
    public PacketEvent(Instant time, String node, long connectionId, InetSocketAddress clientAddress, int nodePort,
                       String clientId, PacketDirection direction, PacketType type, Integer packetId, int qos,
                       boolean dup, boolean retain, String topic, byte[] payload, List<Integer> reasonCodes,
                       List<TopicFilter> subscriptions, List<PacketProperty> properties, Integer protocolVersion,
                       int size, byte[] raw, String error) {
        this(time, node, connectionId, clientAddress, nodePort, Transport.TCP, clientId, direction, type, packetId,
                qos, dup, retain, topic, payload, reasonCodes, subscriptions, properties, protocolVersion, size, raw,
                error);
    }

    /** Most packets have no codes, filters or properties: an empty list is not copied. */
    private static <T> List<T> immutable(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : List.copyOf(list);
    }

    /** A copy of the payload, or null when the packet has none. */
    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /** A copy of the bytes on the wire. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** True when there is a payload and it is valid UTF-8 (an empty payload is). */
    public boolean payloadIsUtf8() {
        if (payload == null) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The payload read as UTF-8 (invalid sequences become U+FFFD); null when there is no payload. */
    public String payloadText() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** The wire bytes without copying, for writers in this package. */
    byte[] rawBytes() {
        return raw;
    }

    /** The payload without copying, for writers in this package. */
    byte[] payloadBytes() {
        return payload;
    }
}

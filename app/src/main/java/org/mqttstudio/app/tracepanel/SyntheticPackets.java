package org.mqttstudio.app.tracepanel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;

/**
 * Made-up but well-formed traffic for the trace panel's bench and flood test: QoS 1 exchanges (PUBLISH in, PUBACK out)
 * of ten clients on two nodes, with real PUBLISH bytes.
 */
public final class SyntheticPackets {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50_000);
    private static final String[] NODES = {"Central", "Edge"};

    private SyntheticPackets() {
    }

    /** The {@code i}-th packet: even ones a PUBLISH, odd ones its PUBACK. */
    public static PacketEvent event(long i) {
        int client = (int) (i / 2 % 10);
        String node = NODES[client % 2];
        int packetId = (int) (i / 2 % 65_535) + 1;
        String clientId = "client-" + client;
        if (i % 2 == 1) {
            byte[] raw = {0x40, 0x02, (byte) (packetId >> 8), (byte) packetId};
            return new PacketEvent(Instant.now(), node, client + 1, CLIENT, 1883, clientId,
                    PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK, packetId, 0, false, false, null, null,
                    List.of(), List.of(), List.of(), 4, raw.length, raw, null);
        }
        byte[] topic = ("sensors/" + client + "/temperature").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ("{\"n\":" + i + ",\"celsius\":21.5}").getBytes(StandardCharsets.US_ASCII);
        int remaining = 2 + topic.length + 2 + payload.length;
        byte[] raw = new byte[2 + remaining];
        raw[0] = 0x32;
        raw[1] = (byte) remaining;
        raw[2] = 0;
        raw[3] = (byte) topic.length;
        System.arraycopy(topic, 0, raw, 4, topic.length);
        raw[4 + topic.length] = (byte) (packetId >> 8);
        raw[5 + topic.length] = (byte) packetId;
        System.arraycopy(payload, 0, raw, 6 + topic.length, payload.length);
        return new PacketEvent(Instant.now(), node, client + 1, CLIENT, 1883, clientId,
                PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, packetId, 1, false, false,
                new String(topic, StandardCharsets.US_ASCII), payload, List.of(), List.of(), List.of(), 4, raw.length,
                raw, null);
    }
}

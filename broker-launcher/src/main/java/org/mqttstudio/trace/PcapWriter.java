package org.mqttstudio.trace;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes packet events as a classic pcap file (LINKTYPE_RAW: bare IPv4) that Wireshark's MQTT dissector reads.
 *
 * <p>Each tapped connection becomes a synthetic TCP stream between the client's address and port and the node's
 * port on 127.0.0.1, opened by a SYN / SYN-ACK / ACK handshake at its first packet, with sequence and
 * acknowledgement numbers that follow the bytes. Each MQTT packet is one segment (split above 65 495 bytes).
 * Wireshark decodes port 1883 as MQTT by itself; for other ports use {@code -d tcp.port==PORT,mqtt}
 * ({@link #decodeAsOptions} lists what a file needs).
 *
 * <p>A WebSocket connection's stream is rebuilt as WebSocket, not copied: its first segments are an upgrade
 * request and answer naming the {@code mqtt} subprotocol, then each MQTT packet is one binary frame (from the
 * client masked with a zero key, so the bytes read as they are). The events hold the MQTT packets, not the
 * frames the peers actually sent (their fragmentation, masking keys, pings and the real headers are not kept):
 * what the file shows is the MQTT conversation over WebSocket, byte for byte in its MQTT. Wireshark reads it with
 * {@code -d tcp.port==PORT,http} (HTTP, the upgrade, WebSocket frames) and decodes the MQTT inside once the
 * {@code mqtt} subprotocol is MQTT's ({@link #WEBSOCKET_MQTT_LUA} on Wireshark 4.0).
 */
public final class PcapWriter implements Closeable {
    /**
     * The line of Lua ({@code wireshark -X lua_script:FILE}) that makes a Wireshark whose MQTT dissector does not
     * claim the {@code mqtt} WebSocket subprotocol (4.0, Debian 12's) decode the MQTT inside the frames.
     */
    public static final String WEBSOCKET_MQTT_LUA =
            "DissectorTable.get(\"ws.protocol\"):add(\"mqtt\", Dissector.get(\"mqtt\"))";

    private static final int LINKTYPE_RAW = 101;
    private static final int MQTT_PORT = 1883;
    private static final int SNAPLEN = 65_535;
    private static final int HEADERS = 40; // IPv4 20 + TCP 20
    private static final int MAX_SEGMENT = SNAPLEN - HEADERS;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;
    private static final byte[] BROKER_IP = {127, 0, 0, 1};
    private static final byte[] NON_IPV4_CLIENT = {10, 0, 0, 1};

    /** One synthetic TCP stream: the next sequence number of each side. */
    private static final class Stream {
        long clientSeq = 1_000;
        long brokerSeq = 5_000;
    }

    private record StreamKey(String node, long connectionId) {
    }

    private final DataOutputStream out;
    private final Map<StreamKey, Stream> streams = new HashMap<>();
    private final Map<Integer, Transport> decodeAs = new TreeMap<>();
    private int ipId;

    public PcapWriter(OutputStream out) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(out));
        this.out.writeInt(0xa1b2c3d4);
        this.out.writeShort(2);
        this.out.writeShort(4);
        this.out.writeInt(0);
        this.out.writeInt(0);
        this.out.writeInt(SNAPLEN);
        this.out.writeInt(LINKTYPE_RAW);
    }

    /** Writes the events to a file, replacing it. */
    public static void write(Path file, Iterable<PacketEvent> events) throws IOException {
        try (PcapWriter writer = new PcapWriter(Files.newOutputStream(file))) {
            for (PacketEvent event : events) {
                writer.write(event);
            }
        }
    }

    public void write(PacketEvent event) throws IOException {
        Instant time = event.time();
        Stream stream = streams.get(new StreamKey(event.node(), event.connectionId()));
        if (stream == null) {
            stream = new Stream();
            streams.put(new StreamKey(event.node(), event.connectionId()), stream);
            byte[] clientIp = clientIp(event.clientAddress().getAddress());
            int clientPort = event.clientAddress().getPort();
            int brokerPort = event.nodePort();
            segment(time, clientIp, clientPort, BROKER_IP, brokerPort, stream.clientSeq - 1, 0, SYN, new byte[0], 0, 0);
            segment(time, BROKER_IP, brokerPort, clientIp, clientPort, stream.brokerSeq - 1, stream.clientSeq,
                    SYN | ACK, new byte[0], 0, 0);
            segment(time, clientIp, clientPort, BROKER_IP, brokerPort, stream.clientSeq, stream.brokerSeq, ACK,
                    new byte[0], 0, 0);
            if (event.transport() == Transport.WEBSOCKET) {
                data(event, stream, true, SyntheticWebSocket.upgradeRequest(brokerPort));
                data(event, stream, false, SyntheticWebSocket.UPGRADE_ANSWER);
            }
            decodeAs.putIfAbsent(brokerPort, event.transport());
        }
        boolean fromClient = event.direction() == PacketDirection.CLIENT_TO_BROKER;
        byte[] raw = event.transport() == Transport.WEBSOCKET ? SyntheticWebSocket.frame(event.rawBytes(), fromClient)
                : event.rawBytes();
        data(event, stream, fromClient, raw);
    }

    /**
     * The Wireshark options that decode this file's ports: {@code -d tcp.port==PORT,mqtt} for each TCP port but
     * 1883 (which Wireshark takes for MQTT by itself), {@code -d tcp.port==PORT,http} for each WebSocket port (the
     * HTTP dissector follows the upgrade into WebSocket, which hands the {@code mqtt} subprotocol to MQTT). Empty
     * when none are needed.
     */
    public List<String> decodeAsOptions() {
        List<String> options = new ArrayList<>();
        decodeAs.forEach((port, transport) -> {
            if (transport == Transport.WEBSOCKET) {
                options.add("-d tcp.port==" + port + ",http");
            } else if (port != MQTT_PORT) {
                options.add("-d tcp.port==" + port + ",mqtt");
            }
        });
        return List.copyOf(options);
    }

    private void data(PacketEvent event, Stream stream, boolean fromClient, byte[] raw) throws IOException {
        byte[] clientIp = clientIp(event.clientAddress().getAddress());
        int clientPort = event.clientAddress().getPort();
        int brokerPort = event.nodePort();
        Instant time = event.time();
        for (int offset = 0; offset < raw.length; offset += MAX_SEGMENT) {
            int length = Math.min(MAX_SEGMENT, raw.length - offset);
            if (fromClient) {
                segment(time, clientIp, clientPort, BROKER_IP, brokerPort, stream.clientSeq, stream.brokerSeq,
                        PSH_ACK, raw, offset, length);
                stream.clientSeq += length;
            } else {
                segment(time, BROKER_IP, brokerPort, clientIp, clientPort, stream.brokerSeq, stream.clientSeq,
                        PSH_ACK, raw, offset, length);
                stream.brokerSeq += length;
            }
        }
    }

    private void segment(Instant time, byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, long seq, long ack,
                         int flags, byte[] data, int offset, int length) throws IOException {
        int total = HEADERS + length;
        ByteBuffer packet = ByteBuffer.allocate(total);
        packet.put((byte) 0x45).put((byte) 0).putShort((short) total);
        packet.putShort((short) ipId++).putShort((short) 0x4000); // don't fragment
        packet.put((byte) 64).put((byte) 6).putShort((short) 0);  // TTL, TCP, checksum below
        packet.put(srcIp).put(dstIp);
        packet.putShort(10, checksum(packet.array(), 0, 20, 0));

        packet.putShort((short) srcPort).putShort((short) dstPort);
        packet.putInt((int) seq).putInt((int) ack);
        packet.put((byte) 0x50).put((byte) flags).putShort((short) 0xffff);
        packet.putShort((short) 0).putShort((short) 0); // checksum below, urgent pointer
        packet.put(data, offset, length);
        long pseudo = sum(srcIp) + sum(dstIp) + 6 + (20 + length);
        packet.putShort(36, checksum(packet.array(), 20, 20 + length, pseudo));

        out.writeInt((int) time.getEpochSecond());
        out.writeInt(time.getNano() / 1_000);
        out.writeInt(total);
        out.writeInt(total);
        out.write(packet.array());
    }

    private static byte[] clientIp(InetAddress address) {
        return address instanceof Inet4Address ? address.getAddress() : NON_IPV4_CLIENT;
    }

    private static long sum(byte[] ip) {
        return ((ip[0] & 0xff) << 8 | (ip[1] & 0xff)) + ((ip[2] & 0xff) << 8 | (ip[3] & 0xff));
    }

    /** The internet checksum (RFC 1071) of {@code length} bytes from {@code start}, plus a starting sum. */
    private static short checksum(byte[] bytes, int start, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int high = bytes[start + i] & 0xff;
            int low = i + 1 < length ? bytes[start + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

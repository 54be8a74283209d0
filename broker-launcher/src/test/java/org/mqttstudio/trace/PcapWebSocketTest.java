package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket connection's packets in a pcap beside a TCP one's, read back by tshark (Debian package tshark) with
 * the options {@link PcapWriter#decodeAsOptions} gives: every MQTT packet decodes, inside WebSocket frames.
 */
class PcapWebSocketTest {
    private static final int TCP_PORT = 20_001;
    private static final int WEBSOCKET_PORT = 20_002;
    private static final byte[] CONNACK = {0x20, 2, 0, 0};
    private static final byte[] PUBACK = {0x40, 2, 0, 7};

    @TempDir
    Path folder;

    private static PacketEvent event(long connection, int port, Transport transport, PacketDirection direction,
                                     byte[] raw) {
        return new PacketEvent(Instant.parse("2026-12-04T18:00:00Z").plusMillis(connection), "b1", connection,
                new InetSocketAddress("127.0.0.1", 40_000 + (int) connection), port, transport, "c" + connection,
                direction, PacketType.MALFORMED, null, 0, false, false, null, null, List.of(), List.of(), List.of(),
                4, raw.length, raw, null); // the writer reads only addresses, direction, transport and raw bytes
    }

    private static List<PacketEvent> conversation(long connection, int port, Transport transport, byte[] publish) {
        return List.of(
                event(connection, port, transport, PacketDirection.CLIENT_TO_BROKER, WebSocketBytes.CONNECT),
                event(connection, port, transport, PacketDirection.BROKER_TO_CLIENT, CONNACK),
                event(connection, port, transport, PacketDirection.CLIENT_TO_BROKER, WebSocketBytes.SUBSCRIBE),
                event(connection, port, transport, PacketDirection.BROKER_TO_CLIENT, publish),
                event(connection, port, transport, PacketDirection.CLIENT_TO_BROKER, PUBACK));
    }

    /** A QoS 1 PUBLISH to a/b with a payload of {@code size} bytes (a four-byte remaining length above 2 MB). */
    private static byte[] publish(int size) {
        int remaining = 2 + 3 + 2 + size;
        byte[] head = {0x32, (byte) (0x80 | remaining & 0x7f), (byte) (0x80 | (remaining >> 7) & 0x7f),
                (byte) (remaining >> 14), 0, 3, 'a', '/', 'b', 0, 7};
        byte[] packet = Arrays.copyOf(head, head.length + size);
        Arrays.fill(packet, head.length, packet.length, (byte) 'x');
        return packet;
    }

    @Test
    void tsharkDecodesTheMqttInsideTheWebSocketFramesAndBesideThem() throws Exception {
        List<PacketEvent> events = new ArrayList<>(conversation(1, WEBSOCKET_PORT, Transport.WEBSOCKET,
                WebSocketBytes.PUBLISH));
        events.addAll(conversation(2, TCP_PORT, Transport.TCP, WebSocketBytes.PUBLISH));
        events.addAll(conversation(3, WEBSOCKET_PORT, Transport.WEBSOCKET, publish(70_000))); // 64-bit frame length
        Path pcap = folder.resolve("trace.pcap");
        List<String> options;
        try (PcapWriter writer = new PcapWriter(Files.newOutputStream(pcap))) {
            for (PacketEvent event : events) {
                writer.write(event);
            }
            options = writer.decodeAsOptions();
        }

        assertThat(options).containsExactly("-d tcp.port==" + TCP_PORT + ",mqtt",
                "-d tcp.port==" + WEBSOCKET_PORT + ",http");
        List<String> types = List.of("1", "2", "8", "3", "4"); // CONNECT, CONNACK, SUBSCRIBE, PUBLISH, PUBACK
        assertThat(tshark(pcap, options, "-Y", "websocket", "-T", "fields", "-e", "tcp.stream",
                "-e", "websocket.opcode", "-e", "websocket.mask"))
                .containsExactlyElementsOf(concat(List.of("0\t2\t1", "0\t2\t0", "0\t2\t1", "0\t2\t0", "0\t2\t1"),
                        List.of("2\t2\t1", "2\t2\t0", "2\t2\t1", "2\t2\t0", "2\t2\t1")));
        List<String> withMqttOverWebSocket = concat(options, List.of("-X lua_script:" + luaScript()));
        assertThat(tshark(pcap, withMqttOverWebSocket, "-Y", "mqtt", "-T", "fields", "-e", "tcp.stream",
                "-e", "mqtt.msgtype"))
                .containsExactlyElementsOf(concat(types.stream().map(type -> "0\t" + type).toList(),
                        concat(types.stream().map(type -> "1\t" + type).toList(),
                                types.stream().map(type -> "2\t" + type).toList())));
        assertThat(tshark(pcap, withMqttOverWebSocket, "-Y", "mqtt.msgtype == 3 && tcp.stream == 2", "-T", "fields",
                "-e", "mqtt.len")).containsExactly(String.valueOf(2 + 3 + 2 + 70_000));
        assertThat(tshark(pcap, withMqttOverWebSocket, "-o", "tcp.check_checksum:TRUE",
                "-Y", "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == 0")).isEmpty();
    }

    /** Wireshark 4.0 (Debian 12's) does not hand the {@code mqtt} WebSocket subprotocol to MQTT by itself. */
    private Path luaScript() throws IOException {
        return Files.writeString(folder.resolve("websocket-mqtt.lua"), PcapWriter.WEBSOCKET_MQTT_LUA + "\n");
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private List<String> tshark(Path pcap, List<String> decodeAs, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", pcap.toString()));
        decodeAs.forEach(option -> command.addAll(List.of(option.split(" "))));
        command.addAll(List.of(options));
        Path output = folder.resolve("tshark.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return Files.readAllLines(output);
    }
}

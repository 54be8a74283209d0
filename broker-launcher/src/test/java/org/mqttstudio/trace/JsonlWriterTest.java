package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {
    private static final Instant T = Instant.parse("2026-11-25T14:30:00.123456Z");
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40001);

    @TempDir
    Path folder;

    private static PacketEvent publish(byte[] payload) {
        return new PacketEvent(T, "b1", 3, CLIENT, 1883, "sensor-1", PacketDirection.CLIENT_TO_BROKER,
                PacketType.PUBLISH, 7, 1, false, true, "home/temp", payload, List.of(), List.of(),
                List.of(new PacketProperty("USER_PROPERTY", "k=v")), 5, 20, new byte[20], null);
    }

    @Test
    void writesOneObjectPerLineWithTheAgreedFields() throws Exception {
        PacketEvent text = publish("21.5 °C".getBytes(UTF_8));
        PacketEvent binary = publish(new byte[] {(byte) 0xff, 0x00, (byte) 0xfe});
        PacketEvent subAck = new PacketEvent(T, "b1", 3, CLIENT, 1883, "sensor-1", PacketDirection.BROKER_TO_CLIENT,
                PacketType.SUBACK, 9, 0, false, false, null, null, List.of(0, 128), List.of(), List.of(), 4, 6,
                new byte[6], null);
        Path file = folder.resolve("trace.jsonl");

        JsonlWriter.write(file, List.of(text, binary, subAck));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("t").asText()).isEqualTo("2026-11-25T14:30:00.123456Z");
        assertThat(first.get("node").asText()).isEqualTo("b1");
        assertThat(first.get("transport").asText()).isEqualTo("TCP");
        assertThat(first.get("dir").asText()).isEqualTo("CLIENT_TO_BROKER");
        assertThat(first.get("client").asText()).isEqualTo("sensor-1");
        assertThat(first.get("addr").asText()).isEqualTo("127.0.0.1:40001");
        assertThat(first.get("type").asText()).isEqualTo("PUBLISH");
        assertThat(first.get("packetId").asInt()).isEqualTo(7);
        assertThat(first.get("qos").asInt()).isEqualTo(1);
        assertThat(first.get("retain").asBoolean()).isTrue();
        assertThat(first.get("topic").asText()).isEqualTo("home/temp");
        assertThat(first.get("payload").asText()).isEqualTo("21.5 °C");
        assertThat(first.has("payloadEncoding")).isFalse();
        assertThat(first.get("properties").get(0).get("value").asText()).isEqualTo("k=v");

        JsonNode second = mapper.readTree(lines.get(1));
        assertThat(second.get("payloadEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(second.get("payload").asText()))
                .containsExactly(0xff, 0x00, 0xfe);

        JsonNode third = mapper.readTree(lines.get(2));
        assertThat(third.get("payload").isNull()).isTrue();
        assertThat(third.get("topic").isNull()).isTrue();
        assertThat(third.get("reasonCodes").toString()).isEqualTo("[0,128]");
    }

    @Test
    void namesTheWebSocketTransport() throws Exception {
        PacketEvent overWebSocket = new PacketEvent(T, "b1", 4, CLIENT, 9001, Transport.WEBSOCKET, "browser",
                PacketDirection.CLIENT_TO_BROKER, PacketType.PINGREQ, null, 0, false, false, null, null, List.of(),
                List.of(), List.of(), 4, 2, new byte[] {(byte) 0xc0, 0}, null);

        JsonNode line = new ObjectMapper().readTree(new JsonlWriter(OutputStream.nullOutputStream())
                .toJson(overWebSocket).toString());

        assertThat(line.get("transport").asText()).isEqualTo("WEBSOCKET");
    }
}

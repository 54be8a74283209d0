package org.mqttstudio.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes messages as JSON Lines (one object a line: {@code t}, {@code topic}, {@code qos}, {@code retain},
 * {@code payload}, {@code payloadEncoding: base64} when not UTF-8, and the MQTT 5 properties present) or as CSV
 * (time, topic, qos, retain, payload; RFC 4180 quoting, binary payloads as base64 with a {@code base64:} prefix).
 */
public final class HistoryExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryExport() {
    }

    public static void jsonLines(Path file, List<ExplorerMessage> messages) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ExplorerMessage m : messages) {
                out.write(JSON.writeValueAsString(json(m)));
                out.write('\n');
            }
        }
    }

    private static ObjectNode json(ExplorerMessage m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("t", m.receivedAt().toString());
        o.put("topic", m.topic());
        o.put("qos", m.qos());
        o.put("retain", m.retain());
        String text = utf8(m.payload());
        if (text != null) {
            o.put("payload", text);
        } else {
            o.put("payload", Base64.getEncoder().encodeToString(m.payload()));
            o.put("payloadEncoding", "base64");
        }
        Mqtt5Details d = m.mqtt5();
        if (!d.userProperties().isEmpty()) {
            ArrayNode user = o.putArray("userProperties");
            d.userProperties().forEach(u -> user.addObject().put("name", u.name()).put("value", u.value()));
        }
        d.contentType().ifPresent(c -> o.put("contentType", c));
        d.payloadFormatUtf8().ifPresent(f -> o.put("payloadFormat", f ? "utf-8" : "bytes"));
        d.messageExpirySeconds().ifPresent(s -> o.put("messageExpiry", s));
        d.responseTopic().ifPresent(r -> o.put("responseTopic", r));
        d.correlationData().ifPresent(c -> o.put("correlationData", Base64.getEncoder().encodeToString(c)));
        return o;
    }

    public static void csv(Path file, List<ExplorerMessage> messages) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("time,topic,qos,retain,payload\r\n");
            for (ExplorerMessage m : messages) {
                String text = utf8(m.payload());
                out.write(String.join(",", m.receivedAt().toString(), quote(m.topic()), Integer.toString(m.qos()),
                        Boolean.toString(m.retain()),
                        quote(text != null ? text : "base64:" + Base64.getEncoder().encodeToString(m.payload()))));
                out.write("\r\n");
            }
        }
    }

    private static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** The payload as text when it is valid UTF-8; null when it is not. */
    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}

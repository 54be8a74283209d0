package org.mqttstudio.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes packet events as JSON Lines, one packet per line.
 *
 * <p>Every line has {@code t} (ISO-8601 UTC instant with the tap's clock resolution, e.g.
 * {@code 2026-11-25T14:30:00.123456Z}), {@code node}, {@code conn}, {@code addr}, {@code transport} ({@code TCP}
 * or {@code WEBSOCKET}: on every line, so a reader needs no default), {@code dir}
 * ({@code CLIENT_TO_BROKER} or {@code BROKER_TO_CLIENT}), {@code client} (null before CONNECT), {@code type},
 * {@code packetId}, {@code qos}, {@code dup}, {@code retain}, {@code topic}, {@code payload} and {@code size};
 * absent values are null. {@code payload} is the text when it is valid UTF-8, else base64 with
 * {@code "payloadEncoding":"base64"}. {@code reasonCodes}, {@code subscriptions}, {@code properties},
 * {@code version} and {@code error} appear only when the packet has them.
 */
public final class JsonlWriter implements Closeable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Writer out;

    public JsonlWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Writes the events to a file, replacing it. */
    public static void write(Path file, Iterable<PacketEvent> events) throws IOException {
        try (JsonlWriter writer = new JsonlWriter(Files.newOutputStream(file))) {
            for (PacketEvent event : events) {
                writer.write(event);
            }
        }
    }

    public void write(PacketEvent event) throws IOException {
        out.write(mapper.writeValueAsString(toJson(event)));
        out.write('\n');
    }

    /** The line's JSON object for one event. */
    public ObjectNode toJson(PacketEvent event) {
        ObjectNode line = mapper.createObjectNode();
        line.put("t", event.time().toString());
        line.put("node", event.node());
        line.put("conn", event.connectionId());
        line.put("addr", event.clientAddress().getHostString() + ":" + event.clientAddress().getPort());
        line.put("transport", event.transport().name());
        line.put("dir", event.direction().name());
        line.put("client", event.clientId());
        line.put("type", event.type().name());
        line.put("packetId", event.packetId());
        line.put("qos", event.qos());
        line.put("dup", event.dup());
        line.put("retain", event.retain());
        line.put("topic", event.topic());
        byte[] payload = event.payloadBytes();
        if (payload == null) {
            line.putNull("payload");
        } else if (event.payloadIsUtf8()) {
            line.put("payload", new String(payload, StandardCharsets.UTF_8));
        } else {
            line.put("payload", Base64.getEncoder().encodeToString(payload));
            line.put("payloadEncoding", "base64");
        }
        line.put("size", event.size());
        if (!event.reasonCodes().isEmpty()) {
            ArrayNode codes = line.putArray("reasonCodes");
            event.reasonCodes().forEach(codes::add);
        }
        if (!event.subscriptions().isEmpty()) {
            ArrayNode filters = line.putArray("subscriptions");
            event.subscriptions().forEach(s -> filters.addObject().put("filter", s.filter()).put("qos", s.qos()));
        }
        if (!event.properties().isEmpty()) {
            ArrayNode properties = line.putArray("properties");
            event.properties().forEach(p -> properties.addObject().put("name", p.name()).put("value", p.value()));
        }
        if (event.protocolVersion() != null) {
            line.put("version", event.protocolVersion());
        }
        if (event.error() != null) {
            line.put("error", event.error());
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

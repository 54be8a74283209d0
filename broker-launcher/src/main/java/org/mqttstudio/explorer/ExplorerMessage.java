package org.mqttstudio.explorer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A message the explorer received. The payload is kept as received; {@link #text()} decodes it for display.
 * hivemq-mqtt-client handles DUP redelivery itself and does not report the flag to the application, so the
 * explorer has no DUP column (the live trace of a run shows every DUP).
 *
 * @param mqtt5 the message's MQTT 5 properties; {@link Mqtt5Details#NONE} on an MQTT 3.1.1 connection
 */
public record ExplorerMessage(Instant receivedAt, String topic, byte[] payload, int qos, boolean retain,
        Mqtt5Details mqtt5) {
    public ExplorerMessage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(mqtt5, "mqtt5");
        payload = payload == null ? new byte[0] : payload.clone();
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int size() {
        return payload.length;
    }

    /** The payload as UTF-8 text (invalid bytes shown as the replacement character). */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** An empty retained message: the broker's way to say "the retained message of this topic was cleared". */
    public boolean clearsRetained() {
        return retain && payload.length == 0;
    }
}

package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One message a simulated subscriber received. hivemq-mqtt-client does not expose the DUP flag of
 * incoming messages: the trace has it.
 */
public record Delivery(String subscriberId, String topic, byte[] payload, int qos, boolean retain, Instant time) {
    public Delivery {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as UTF-8. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One PUBLISH packet a simulated subscriber received: what a paho {@code on_message} sees once per
 * packet, however many of the subscriber's filters match it. hivemq-mqtt-client does not expose the
 * DUP flag of incoming messages: the trace has it.
 *
 * @param subscriptionIdentifiers the MQTT 5 subscription identifiers the packet carried: which of the
 *     subscriber's SUBSCRIBEs it answers (the trace shows each SUBSCRIBE's identifier); empty for MQTT 3.1.1
 */
public record Delivery(String subscriberId, String topic, byte[] payload, int qos, boolean retain, Instant time,
        List<Integer> subscriptionIdentifiers) {
    public Delivery {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(topic, "topic");
        payload = payload.clone();
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload's hash, as {@link DeliveryLedger} tells messages apart. */
    long payloadHash() {
        return DeliveryLedger.hash(payload);
    }

    /** The payload read as UTF-8. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

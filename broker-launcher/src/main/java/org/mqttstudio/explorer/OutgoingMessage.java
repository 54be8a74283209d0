package org.mqttstudio.explorer;

import java.util.List;
import java.util.Optional;
import org.mqttstudio.mqtt.Topics;

/**
 * A message the user publishes. The MQTT 5 fields are ignored on an MQTT 3.1.1 connection (the form disables
 * them there).
 */
public record OutgoingMessage(String topic, byte[] payload, int qos, boolean retain,
        List<UserProperty> userProperties, Optional<String> contentType, Optional<Long> messageExpirySeconds,
        Optional<String> responseTopic, Optional<byte[]> correlationData) {
    public OutgoingMessage {
        Topics.topicNameProblem(topic).ifPresent(problem -> {
            throw new IllegalArgumentException("topic: " + problem);
        });
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + qos);
        }
        payload = payload == null ? new byte[0] : payload.clone();
        userProperties = List.copyOf(userProperties);
        contentType = contentType.filter(c -> !c.isEmpty());
        messageExpirySeconds.ifPresent(s -> {
            if (s < 0 || s > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("message expiry: " + s + " is outside 0..4294967295 s");
            }
        });
        responseTopic = responseTopic.filter(r -> !r.isEmpty());
        responseTopic.flatMap(Topics::topicNameProblem).ifPresent(problem -> {
            throw new IllegalArgumentException("response topic: " + problem);
        });
        correlationData = correlationData.map(byte[]::clone);
    }

    /** A message without MQTT 5 properties. */
    public static OutgoingMessage of(String topic, byte[] payload, int qos, boolean retain) {
        return new OutgoingMessage(topic, payload, qos, retain, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The empty retained message that clears a topic's retained message. */
    public static OutgoingMessage clearRetained(String topic) {
        return of(topic, new byte[0], 1, true);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public Optional<byte[]> correlationData() {
        return correlationData.map(byte[]::clone);
    }
}

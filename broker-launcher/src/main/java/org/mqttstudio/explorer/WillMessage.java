package org.mqttstudio.explorer;

import java.nio.charset.StandardCharsets;
import org.mqttstudio.mqtt.Topics;

/** A connection's last will: published by the broker when the connection drops without a DISCONNECT. */
public record WillMessage(String topic, String payload, int qos, boolean retain) {
    public WillMessage {
        String problem = Topics.topicNameProblem(topic).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException("will topic: " + problem);
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("will QoS must be 0, 1 or 2: " + qos);
        }
        payload = payload == null ? "" : payload;
    }

    byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}

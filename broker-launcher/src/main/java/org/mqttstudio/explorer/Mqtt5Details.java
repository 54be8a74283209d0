package org.mqttstudio.explorer;

import java.util.List;
import java.util.Optional;

/**
 * The MQTT 5 properties of a PUBLISH, as the explorer shows them. Empty optionals and lists where the message
 * had none.
 *
 * @param payloadFormatUtf8 the payload format indicator: true = UTF-8 text, false = unspecified bytes
 * @param messageExpirySeconds what was left of the message expiry interval when it arrived
 *
 * <p>No subscription identifiers: hivemq-mqtt-client assigns and consumes them itself and hands none to the
 * application (a run's packet trace shows them, decoded from the wire).
 */
public record Mqtt5Details(List<UserProperty> userProperties, Optional<String> contentType,
        Optional<Boolean> payloadFormatUtf8, Optional<Long> messageExpirySeconds, Optional<String> responseTopic,
        Optional<byte[]> correlationData) {
    public static final Mqtt5Details NONE = new Mqtt5Details(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public Mqtt5Details {
        userProperties = List.copyOf(userProperties);
        correlationData = correlationData.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> correlationData() {
        return correlationData.map(byte[]::clone);
    }
}

package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** mosquitto's {@code bridge_protocol_version}. */
public enum BridgeProtocol {
    MQTTV31("mqttv31"),
    MQTTV311("mqttv311"),
    MQTTV50("mqttv50");

    private final String word;

    BridgeProtocol(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}

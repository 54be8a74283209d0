package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol version a simulated client speaks. */
public enum MqttVersion {
    V3_1("3.1"),
    V3_1_1("3.1.1"),
    V5("5");

    private final String word;

    MqttVersion(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}

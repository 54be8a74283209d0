package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** A listener's protocol, as mosquitto's {@code protocol} option names it. */
public enum Protocol {
    MQTT("mqtt"),
    WEBSOCKETS("websockets");

    private final String word;

    Protocol(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}

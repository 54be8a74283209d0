package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** mosquitto's bridge {@code start_type}. */
public enum StartType {
    AUTOMATIC("automatic"),
    LAZY("lazy"),
    ONCE("once");

    private final String word;

    StartType(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}

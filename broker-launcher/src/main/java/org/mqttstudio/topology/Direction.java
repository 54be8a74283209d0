package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** Direction of a bridge {@code topic} line, seen from the broker that owns the bridge. */
public enum Direction {
    OUT("out"),
    IN("in"),
    BOTH("both");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    public boolean forwardsOut() {
        return this != IN;
    }

    public boolean forwardsIn() {
        return this != OUT;
    }
}

package org.mqttstudio.bench;

import java.util.List;

/** One load shape: {@code publishers} clients publishing at {@code qos} to one subscriber. */
public record Scenario(int qos, int publishers) {
    /** QoS 0, 1 and 2, each 1 → 1 and 10 → 1. */
    public static final List<Scenario> ALL = List.of(new Scenario(0, 1), new Scenario(0, 10), new Scenario(1, 1),
            new Scenario(1, 10), new Scenario(2, 1), new Scenario(2, 10));

    public Scenario {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
        }
        if (publishers < 1) {
            throw new IllegalArgumentException("publishers must be at least 1: " + publishers);
        }
    }

    public String label() {
        return "QoS " + qos + ", " + publishers + " → 1";
    }
}

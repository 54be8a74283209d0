package org.mqttstudio.bench;

import java.util.List;

/**
 * One load shape: {@code publishers} clients publishing at {@code qos} to {@code subscribers} clients, each
 * publisher keeping at most {@code window} publishes unacknowledged (at QoS 0: not yet written).
 */
public record Scenario(int qos, int publishers, int subscribers, int window) {
    /**
     * mosquitto's default receive maximum ({@code max_inflight_messages 20}): what a 3.1.1 publisher must assume,
     * since beyond it mosquitto drops its QoS 2 messages silently (NOTES).
     */
    public static final int DEFAULT_WINDOW = 20;

    /** QoS 0, 1 and 2, each 1 → 1, 10 → 1 and 1 → 10, at the default window. */
    public static final List<Scenario> ALL = List.of(
            new Scenario(0, 1, 1, DEFAULT_WINDOW), new Scenario(0, 10, 1, DEFAULT_WINDOW),
            new Scenario(0, 1, 10, DEFAULT_WINDOW),
            new Scenario(1, 1, 1, DEFAULT_WINDOW), new Scenario(1, 10, 1, DEFAULT_WINDOW),
            new Scenario(1, 1, 10, DEFAULT_WINDOW),
            new Scenario(2, 1, 1, DEFAULT_WINDOW), new Scenario(2, 10, 1, DEFAULT_WINDOW),
            new Scenario(2, 1, 10, DEFAULT_WINDOW));

    /** The window sweep: QoS 1 and 2, 1 → 1, with 1 and 100 publishes unacknowledged. */
    public static final List<Scenario> SWEEP = List.of(new Scenario(1, 1, 1, 1), new Scenario(1, 1, 1, 100),
            new Scenario(2, 1, 1, 1), new Scenario(2, 1, 1, 100));

    public Scenario {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
        }
        if (publishers < 1 || subscribers < 1) {
            throw new IllegalArgumentException("publishers and subscribers must be at least 1: " + publishers
                    + ", " + subscribers);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }

    /** Messages to publish so that the subscribers together receive about {@code deliveries}. */
    public int messagesFor(int deliveries) {
        return Math.max(publishers, deliveries / subscribers);
    }

    public String label() {
        return "QoS " + qos + ", " + publishers + " → " + subscribers
                + (window == DEFAULT_WINDOW ? "" : ", window " + window);
    }
}

package org.mqttstudio.bench;

/**
 * The brokers the bench compares, in the order each scenario runs them: each broker bare, and as {@code studio run}
 * runs it (behind the run's wire taps, recording every packet), so the tap's cost shows on both.
 */
public enum BenchTarget {
    EMBEDDED("embedded", "bare"),
    EMBEDDED_TAPPED("embedded, studio run", "run-embedded"),
    MOSQUITTO("mosquitto", null),
    MOSQUITTO_TAPPED("mosquitto, studio run", "run-mosquitto");

    private final String label;
    private final String mode;

    BenchTarget(String label, String mode) {
        this.label = label;
        this.mode = mode;
    }

    public String label() {
        return label;
    }

    /** The {@link BenchBrokerMain} mode that runs it, or null for mosquitto started directly. */
    String mode() {
        return mode;
    }
}

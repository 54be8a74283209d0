package org.mqttstudio.bench;

/** The brokers the bench compares, in the order each scenario runs them. */
public enum BenchTarget {
    EMBEDDED("embedded"),
    EMBEDDED_TAPPED("embedded + tap"),
    MOSQUITTO("mosquitto");

    private final String label;

    BenchTarget(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.mqttstudio.explorer;

/** The MQTT version a connection speaks (hivemq-mqtt-client speaks 3.1.1 and 5). */
public enum ProtocolVersion {
    V3_1_1("3.1.1"), V5("5");

    private final String label;

    ProtocolVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

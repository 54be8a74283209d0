package org.mqttstudio.topology;

/**
 * One {@code listener} of a broker. {@code bindAddress} null means mosquitto's default (all
 * interfaces).
 */
public record Listener(int port, Protocol protocol, String bindAddress) {
    public Listener {
        Checks.port(port, "port");
        protocol = protocol == null ? Protocol.MQTT : protocol;
        bindAddress = Checks.blankToNull(bindAddress);
    }

    public static Listener mqtt(int port) {
        return new Listener(port, Protocol.MQTT, null);
    }

    public Listener withPort(int newPort) {
        return new Listener(newPort, protocol, bindAddress);
    }
}

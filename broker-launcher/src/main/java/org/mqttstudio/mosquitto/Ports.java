package org.mqttstudio.mosquitto;

import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Node;

/**
 * The one place the export's port offset is applied: to every listener and to every bridge
 * address of a topology broker, never to external brokers (they are not ours to move).
 */
final class Ports {
    /** mosquitto's port when a broker has no listener or an address names none. */
    static final int DEFAULT_PORT = 1883;

    private Ports() {
    }

    static int shift(int port, int offset) {
        int shifted = port + offset;
        if (shifted < 1 || shifted > 65535) {
            throw new IllegalArgumentException("port " + port + " with offset " + offset + " gives " + shifted
                    + ", outside 1..65535: choose a smaller port offset");
        }
        return shifted;
    }

    /** The {@code address} a bridge to {@code target} writes. */
    static String address(Node target, int offset) {
        if (target instanceof Broker b) {
            int port = b.mqttListener().map(Listener::port).orElse(DEFAULT_PORT);
            return b.host() + ":" + shift(port, offset);
        }
        ExternalBroker e = (ExternalBroker) target;
        // mosquitto splits host and port at the last ':', so an IPv6 host is written without brackets.
        return e.host() + ":" + e.port();
    }
}

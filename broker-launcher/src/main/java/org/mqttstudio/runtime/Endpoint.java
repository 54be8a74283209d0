package org.mqttstudio.runtime;

/** A TCP address a client connects to, e.g. a broker's listener or the wire tap in front of it. */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("missing host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

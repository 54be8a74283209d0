package org.mqttstudio.runtime;

/** A broker could not listen on a port someone else holds; {@link #port()} lets a runner move a port it chose. */
public class PortInUseException extends BrokerStartException {
    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(String brokerId, int port) {
        super("broker '" + brokerId + "': port " + port + " is in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}

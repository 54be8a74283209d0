package org.mqttstudio.runtime;

/** An embedded broker did not start; the message is one line for the user, e.g. "port 1884 is in use". */
public class BrokerStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

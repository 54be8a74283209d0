package org.mqttstudio.explorer;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a connection stands, with one line for the user ("refused: bad user name or password",
 * "connection lost: …; reconnecting in 4 s (attempt 3)").
 */
public record ConnectionState(Kind kind, String message, Instant time) {
    public enum Kind { CONNECTING, CONNECTED, RECONNECTING, FAILED, DISCONNECTED }

    public ConnectionState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        message = message == null ? "" : message;
    }

    static ConnectionState now(Kind kind, String message) {
        return new ConnectionState(kind, message, Instant.now());
    }
}

package org.mqttstudio.runtime;

import java.time.Duration;
import org.mqttstudio.topology.RestartTimeout;

/**
 * mosquitto's {@code restart_timeout}: a constant delay, or a delay from {@code base} doubling up
 * to {@code cap} that starts over once connected (mosquitto adds random jitter; the Studio stays
 * deterministic).
 */
final class Backoff {
    /** mosquitto 2's default when {@code restart_timeout} is absent: base 5 s, cap 30 s. */
    static final RestartTimeout MOSQUITTO_DEFAULT = new RestartTimeout(5, 30);

    private final RestartTimeout timeout;
    private int failures;

    Backoff(RestartTimeout timeout) {
        this.timeout = timeout == null ? MOSQUITTO_DEFAULT : timeout;
    }

    /** The delay before the next attempt; each call without {@link #reset()} counts one more failure. */
    synchronized Duration next() {
        long seconds = timeout.base();
        if (timeout.cap() != null) {
            seconds = Math.min((long) timeout.cap(), timeout.base() * (1L << Math.min(failures, 20)));
        }
        failures++;
        return Duration.ofSeconds(seconds);
    }

    synchronized void reset() {
        failures = 0;
    }
}

package org.mqttstudio.topology;

/**
 * mosquitto's {@code restart_timeout}: a constant delay ({@code cap == null}) or a backoff from
 * {@code base} up to {@code cap} seconds.
 */
public record RestartTimeout(int base, Integer cap) {
    public RestartTimeout {
        if (base < 1) {
            throw new IllegalArgumentException("'restartTimeout.base' must be at least 1 second");
        }
        if (cap != null && cap < base) {
            throw new IllegalArgumentException("'restartTimeout.cap' must not be below its base");
        }
    }
}

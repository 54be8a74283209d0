package org.mqttstudio.app.animation;

import java.util.Objects;

/**
 * One dot to draw: along {@code edge} (forward: the way it is drawn), in the topic's colour class, from
 * {@code startNanos} ({@link System#nanoTime}) for {@code durationNanos}.
 */
record Dot(EdgeHop edge, String colourClass, long startNanos, long durationNanos) {
    Dot {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(colourClass, "colourClass");
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("a dot takes some time: " + durationNanos);
        }
    }

    long endNanos() {
        return startNanos + durationNanos;
    }
}

package org.mqttstudio.app.animation;

import java.time.Duration;

/**
 * How fast a dot crosses one edge. Real hops are microseconds apart; a person follows a dot that takes most of a
 * second per edge. {@link #OFF} draws no dots (rates, payloads and the busy style stay).
 */
public enum AnimationSpeed {
    OFF("Off", Duration.ZERO),
    SLOW("Slow", Duration.ofMillis(1600)),
    NORMAL("Normal", Duration.ofMillis(800)),
    FAST("Fast", Duration.ofMillis(350));

    private final String label;
    private final Duration perHop;

    AnimationSpeed(String label, Duration perHop) {
        this.label = label;
        this.perHop = perHop;
    }

    /** The time one dot takes along one edge; zero for {@link #OFF}. */
    public Duration perHop() {
        return perHop;
    }

    public boolean drawsDots() {
        return this != OFF;
    }

    @Override
    public String toString() {
        return label;
    }
}

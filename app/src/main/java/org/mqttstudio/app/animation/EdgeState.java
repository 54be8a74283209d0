package org.mqttstudio.app.animation;

import java.util.Objects;

/**
 * What an edge carried, as its label shows it.
 *
 * @param perSecond   messages a second over the last 3 s of traffic, counting every hop (drawn or not)
 * @param rateUntil   when those 3 s end, in nanoseconds of the epoch (wire time, which the run's taps stamp)
 * @param lastPayload the latest message's payload, shortened for a label
 * @param busy        more messages a second than dots are drawn for: the edge is drawn busy
 * @param hops        every hop counted on this edge since the run began
 * @param dots        the dots drawn for them
 */
public record EdgeState(String edgeId, boolean bridge, double perSecond, long rateUntil, String lastPayload,
        boolean busy, long hops, long dots) {
    public EdgeState {
        Objects.requireNonNull(edgeId, "edgeId");
        Objects.requireNonNull(lastPayload, "lastPayload");
    }

    /** The label's text, e.g. {@code 12/s · Humidity: 10%}. */
    public String label() {
        String rate = perSecond >= 10 ? String.format("%,.0f/s", perSecond) : String.format("%.1f/s", perSecond);
        return lastPayload.isEmpty() ? rate : rate + " · " + lastPayload;
    }
}

package org.mqttstudio.app.animation;

import java.util.TreeSet;

/**
 * One edge's traffic on the pump thread: its rate (every hop counted), its last payload, and the starts of the dots
 * it draws, kept at least {@code 1 s / cap} apart so that no second of the animation has more than {@code cap} dots
 * on the edge, whichever order chained starts come in.
 */
final class EdgeTraffic {
    private final EdgeHop edge;
    private final EdgeRate rate = new EdgeRate();
    /** Accepted dot starts from one spacing before now on (a new start is never before now): a handful. */
    private final TreeSet<Long> starts = new TreeSet<>();
    private String lastPayload = "";
    private long hops;
    private long dots;

    EdgeTraffic(EdgeHop edge) {
        this.edge = edge;
    }

    /** Counts a hop the taps saw at {@code wireNanos} (nanoseconds of the epoch). */
    void count(long wireNanos, String payload) {
        rate.count(wireNanos);
        lastPayload = payload;
        hops++;
    }

    /** Takes a dot starting at {@code startNanos} unless one starts less than {@code spacingNanos} from it. */
    boolean tryDot(long nowNanos, long startNanos, long spacingNanos) {
        while (!starts.isEmpty() && starts.first() <= nowNanos - spacingNanos) {
            starts.pollFirst();
        }
        Long before = starts.floor(startNanos);
        Long after = starts.ceiling(startNanos);
        if ((before != null && startNanos - before < spacingNanos)
                || (after != null && after - startNanos < spacingNanos)) {
            return false;
        }
        starts.add(startNanos);
        dots++;
        return true;
    }

    /** The edge's state with its rate over the window of wire time that ends at {@code untilNanos}. */
    EdgeState state(long untilNanos, int capPerSecond) {
        double perSecond = rate.perSecond(untilNanos);
        return new EdgeState(edge.edgeId(), edge.bridge(), perSecond, EdgeRate.windowEnd(untilNanos), lastPayload,
                perSecond > capPerSecond, hops, dots);
    }
}

package org.mqttstudio.app.animation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;

/**
 * Turns flow events into dots, on the pump thread (no JavaFX here). Each flow event brings the whole flow so far;
 * the hops not seen before for its id are new. Every new hop is counted on its edge; it gets a dot when the edge has
 * room under the cap ({@code capPerSecond} dots a second at most, evenly spaced) and fewer than {@code maxDots} are
 * in flight or waiting. A hop's dot starts when the dot of the hop that brought the message into the hop's source
 * node arrives there (the chain a person can follow: publisher → broker → bridge → broker → subscriber), or
 * now if that hop is unknown or long arrived; a hop left undrawn still takes that time, so the chain's later dots
 * keep their place. The flows followed are bounded (the oldest forgotten first).
 */
final class DotScheduler {
    static final int CAP_PER_SECOND = 4;
    static final int MAX_DOTS = 200;
    /**
     * Twice the flows a run's correlator keeps ({@code FlowCorrelator.DEFAULT_CAPACITY}): flow ids grow, so every
     * flow that can still change is followed, and a late event never counts a forgotten flow's hops again.
     */
    static final int FLOWS_FOLLOWED = 2 * org.mqttstudio.trace.FlowCorrelator.DEFAULT_CAPACITY;
    private static final long SECOND = 1_000_000_000L;
    private static final int PAYLOAD_CHARS = 24;
    private static final long IDLE_SECONDS = 2;
    /** Hops of one instant reach the pump within this of each other (taps' threads, the flows' time order). */
    private static final long SETTLE_NANOS = 250_000_000L;

    /** One direction of one tapped connection: a flow crosses it at most once. */
    private record HopKey(String node, long connectionId, PacketDirection direction) {
    }

    /** What is known of one flow: its hops seen, when its message reaches each node on screen, its look. */
    private static final class Followed {
        final List<HopKey> seen = new ArrayList<>(4);
        final Map<String, Long> arrivals = new HashMap<>(8);
        final String colourClass;
        final String payload;

        Followed(String colourClass, String payload) {
            this.colourClass = colourClass;
            this.payload = payload;
        }
    }

    private final HopEdges edges;
    private final int capPerSecond;
    private final int maxDots;
    private final TopicColors colours = new TopicColors();
    private final Map<String, EdgeTraffic> traffic = new LinkedHashMap<>();
    private final LinkedHashMap<Long, Followed> followed = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Followed> eldest) {
            return size() > FLOWS_FOLLOWED;
        }
    };
    private final PriorityQueue<Long> dotEnds = new PriorityQueue<>();
    private long newestWire = Long.MIN_VALUE;

    DotScheduler(HopEdges edges, int capPerSecond, int maxDots) {
        if (capPerSecond < 1 || maxDots < 1) {
            throw new IllegalArgumentException("cap and dots must be at least 1: " + capPerSecond + ", " + maxDots);
        }
        this.edges = edges;
        this.capPerSecond = capPerSecond;
        this.maxDots = maxDots;
    }

    /** Takes one flow event seen at {@code nowNanos}; returns the dots its new hops get (maybe none). */
    List<Dot> accept(MessageFlow flow, long nowNanos, AnimationSpeed speed) {
        Followed f = followed.get(flow.id());
        if (f == null) {
            f = new Followed(TopicColors.styleClass(colours.colourOf(flow.hops().get(0).topic())), shortPayload(flow));
            followed.put(flow.id(), f);
        }
        List<Dot> dots = List.of();
        for (FlowHop hop : flow.hops()) {
            HopKey key = new HopKey(hop.node(), hop.connectionId(), hop.direction());
            if (f.seen.contains(key)) {
                continue;
            }
            f.seen.add(key);
            Optional<EdgeHop> edge = edges.edgeOf(hop);
            if (edge.isEmpty()) {
                continue;
            }
            EdgeHop e = edge.get();
            EdgeTraffic t = traffic.computeIfAbsent(e.edgeId(), id -> new EdgeTraffic(e));
            t.count(epochNanos(hop.published()), f.payload);
            newestWire = Math.max(newestWire, epochNanos(hop.published()));
            if (!speed.drawsDots()) {
                continue;
            }
            long duration = speed.perHop().toNanos();
            long start = Math.max(nowNanos, f.arrivals.getOrDefault(e.from(), nowNanos));
            f.arrivals.putIfAbsent(e.to(), start + duration);
            while (!dotEnds.isEmpty() && dotEnds.peek() <= nowNanos) {
                dotEnds.poll();
            }
            if (dotEnds.size() < maxDots && t.tryDot(nowNanos, start, SECOND / capPerSecond)) {
                if (dots.isEmpty()) {
                    dots = new ArrayList<>(4);
                }
                dots.add(new Dot(e, f.colourClass, start, duration));
                dotEnds.add(start + duration);
            }
        }
        return dots;
    }

    /**
     * Every edge that carried a message, as its label shows it at {@code now}. The rates are over wire time, so
     * that flows reaching the pump late or in bursts (the correlator holds packets a quarter second, and falls behind
     * on a crowded machine) count when they crossed the edge; the window ends a little before the newest hop seen,
     * or, once nothing came for {@value #IDLE_SECONDS} s, follows the clock, so an idle edge's rate falls to zero.
     */
    List<EdgeState> states(java.time.Instant now) {
        long until = Math.max(newestWire, epochNanos(now) - IDLE_SECONDS * SECOND) - SETTLE_NANOS;
        List<EdgeState> states = new ArrayList<>(traffic.size());
        traffic.values().forEach(t -> states.add(t.state(until, capPerSecond)));
        return List.copyOf(states);
    }

    private static long epochNanos(java.time.Instant at) {
        return at.getEpochSecond() * SECOND + at.getNano();
    }

    List<TopicColors.LegendEntry> legend() {
        return colours.legend();
    }

    private static String shortPayload(MessageFlow flow) {
        byte[] payload = flow.payload();
        // the label shows a couple of dozen characters: decode no more than a few times that
        String text = new String(payload, 0, Math.min(payload.length, 4 * PAYLOAD_CHARS), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() <= PAYLOAD_CHARS ? text : text.substring(0, PAYLOAD_CHARS - 1) + "…";
    }
}

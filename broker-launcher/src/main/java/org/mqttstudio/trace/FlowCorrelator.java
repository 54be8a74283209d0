package org.mqttstudio.trace;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the {@link PacketEvent}s of all taps together into {@link MessageFlow}s: the hops of one application
 * message (publisher → broker A, bridge → broker B, broker B → subscriber) with each hop's QoS 1/2 handshake.
 *
 * <p>A hop is one PUBLISH on one connection; PUBACK, PUBREC, PUBREL and PUBCOMP on that connection join it by
 * packet id. Hops join one flow when their payloads are equal, they come within the window after the flow's first
 * hop, and the message can have got there (see {@link OpenFlow#fit}); topics may differ (bridge prefixes). Among
 * several flows that fit, deliveries on one connection keep their order (MQTT keeps it per connection): the
 * oldest flow after the one this connection last took, started after the connection was first seen; failing that
 * the newest that fits (a retained message, a queue replayed on reconnect). Two publishers sending equal payloads
 * within the window can therefore be mixed up; distinct payloads (a sequence number) never are.
 *
 * <p>Memory is bounded: the oldest flows are dropped beyond the capacity. Feed it from one thread (e.g. a
 * {@link Recorder} subscription drained by a timer); its methods are synchronized so a UI may read meanwhile.
 */
public final class FlowCorrelator {
    /**
     * Long enough for a hop held behind a cut link: a bridge retries after mosquitto's {@code restart_timeout}
     * (5 s, doubling up to 30 s), so a message queued during a cut of some seconds crosses 5 to 20 s after it was
     * published (10 s was too short for a 5 s cut that just missed the first retry). The capacity, not the window,
     * bounds memory and the per-payload index a PUBLISH is matched against.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    public static final int DEFAULT_CAPACITY = 10_000;

    /** One direction of one tapped connection. */
    private record Way(String node, long connectionId, PacketDirection direction) {
    }

    /** A QoS 1/2 PUBLISH awaiting its handshake, by where it went and its packet id. */
    private record Handshake(Way way, int packetId) {
    }

    /** One tapped connection. */
    private record Connection(String node, long connectionId) {
    }

    /**
     * What one connection did so far: when it was first seen (unknown when its first packet was a PUBLISH: the
     * trace began after it connected), and the last flow each direction took part in.
     */
    private static final class ConnectionState {
        private final Instant firstSeen;
        private final Map<PacketDirection, Long> lastFlow = new EnumMap<>(PacketDirection.class);

        private ConnectionState(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }

        private long lastFlow(PacketDirection direction) {
            return lastFlow.getOrDefault(direction, 0L);
        }
    }

    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<Long, OpenFlow> flows = new LinkedHashMap<>();
    private final Map<ByteBuffer, List<OpenFlow>> byPayload = new HashMap<>();
    private final Map<Handshake, OpenHop> handshakes = new HashMap<>();
    private final Map<Connection, ConnectionState> connections;
    private long nextId = 1;

    public FlowCorrelator() {
        this(DEFAULT_WINDOW, DEFAULT_CAPACITY);
    }

    /**
     * @param window   how long after a flow's first hop further hops may join it
     * @param capacity how many flows to keep; the oldest go first
     */
    public FlowCorrelator(Duration window, int capacity) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.window = window;
        this.capacity = capacity;
        int connectionCapacity = capacity * 2;
        this.connections = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Connection, ConnectionState> eldest) {
                return size() > connectionCapacity;
            }
        };
    }

    /** Takes the next event; returns the flow it started or changed, if any (a snapshot). */
    public synchronized Optional<MessageFlow> accept(PacketEvent event) {
        return Optional.ofNullable(update(event)).map(OpenFlow::snapshot);
    }

    /**
     * Takes the next event; returns the flow it started or changed, if any, still open: a feed snapshots it once
     * per batch of packets ({@link #snapshot}), not once per packet.
     */
    synchronized OpenFlow update(PacketEvent event) {
        Objects.requireNonNull(event, "event");
        Way way = new Way(event.node(), event.connectionId(), event.direction());
        ConnectionState state = connections.computeIfAbsent(new Connection(event.node(), event.connectionId()),
                c -> new ConnectionState(event.type() == PacketType.PUBLISH ? Instant.MIN : event.time()));
        OpenHop hop = switch (event.type()) {
            case PUBLISH -> publish(event, way, state);
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> acknowledge(event);
            default -> null;
        };
        return hop == null ? null : hop.flow();
    }

    /** The flow as it is now. */
    synchronized MessageFlow snapshot(OpenFlow flow) {
        return flow.snapshot();
    }

    /** The flows kept, oldest first. */
    public synchronized List<MessageFlow> flows() {
        return flows.values().stream().map(OpenFlow::snapshot).toList();
    }

    private OpenHop publish(PacketEvent event, Way way, ConnectionState state) {
        Integer packetId = event.packetId();
        Handshake handshake = event.qos() > 0 && packetId != null ? new Handshake(way, packetId) : null;
        if (handshake != null && event.dup()) {
            OpenHop resent = handshakes.get(handshake);
            if (resent != null) {
                resent.add(event);
                return resent;
            }
        }
        // the event's own copy, never written to: no further copy for the index
        byte[] bytes = event.payloadBytes() == null ? new byte[0] : event.payloadBytes();
        ByteBuffer payload = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        OpenFlow flow = choose(event, payload, state);
        if (flow == null) {
            flow = open(payload);
        }
        OpenHop hop = flow.add(event);
        state.lastFlow.put(way.direction(), flow.id());
        if (handshake != null) {
            handshakes.put(handshake, hop);
        }
        return hop;
    }

    private OpenFlow choose(PacketEvent event, ByteBuffer payload, ConnectionState state) {
        List<OpenFlow> same = byPayload.get(payload);
        if (same == null) {
            return null;
        }
        Instant oldestStart = event.time().minus(window);
        same.removeIf(flow -> flow.start().isBefore(oldestStart)); // too old to join: out of the index, still kept
        if (same.isEmpty()) {
            byPayload.remove(payload);
            return null;
        }
        OpenFlow inOrder = null;
        int inOrderFit = OpenFlow.NO_FIT;
        OpenFlow newest = null;
        int newestFit = OpenFlow.NO_FIT;
        for (OpenFlow flow : same) { // oldest first
            int fit = flow.id() > state.lastFlow(event.direction()) ? flow.fit(event) : OpenFlow.NO_FIT;
            if (fit == OpenFlow.NO_FIT) {
                continue;
            }
            if (fit > inOrderFit && !flow.start().isBefore(state.firstSeen)) {
                inOrder = flow;
                inOrderFit = fit;
            }
            if (fit >= newestFit) {
                newest = flow;
                newestFit = fit;
            }
        }
        return inOrder != null ? inOrder : newest;
    }

    private OpenFlow open(ByteBuffer payload) {
        OpenFlow flow = new OpenFlow(nextId++, payload);
        flows.put(flow.id(), flow);
        byPayload.computeIfAbsent(payload, p -> new ArrayList<>()).add(flow);
        if (flows.size() > capacity) {
            evictOldest();
        }
        return flow;
    }

    private void evictOldest() {
        Iterator<OpenFlow> oldest = flows.values().iterator();
        OpenFlow evicted = oldest.next();
        oldest.remove();
        List<OpenFlow> same = byPayload.get(evicted.payload());
        if (same != null && same.remove(evicted) && same.isEmpty()) {
            byPayload.remove(evicted.payload());
        }
        handshakes.values().removeIf(hop -> hop.flow() == evicted);
    }

    private OpenHop acknowledge(PacketEvent event) {
        if (event.packetId() == null) {
            return null;
        }
        // PUBREL goes the PUBLISH's way; PUBACK, PUBREC and PUBCOMP come back.
        PacketDirection publishWay = event.type() == PacketType.PUBREL ? event.direction()
                : opposite(event.direction());
        Handshake handshake = new Handshake(new Way(event.node(), event.connectionId(), publishWay), event.packetId());
        OpenHop hop = handshakes.get(handshake);
        if (hop == null) {
            return null;
        }
        hop.add(event);
        if (event.type() == PacketType.PUBACK || event.type() == PacketType.PUBCOMP) {
            handshakes.remove(handshake);
        }
        return hop;
    }

    private static PacketDirection opposite(PacketDirection direction) {
        return direction == PacketDirection.CLIENT_TO_BROKER ? PacketDirection.BROKER_TO_CLIENT
                : PacketDirection.CLIENT_TO_BROKER;
    }
}

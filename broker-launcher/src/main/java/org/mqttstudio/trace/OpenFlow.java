package org.mqttstudio.trace;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A flow while {@link FlowCorrelator} is putting it together. */
final class OpenFlow {
    static final int NO_FIT = 0;
    static final int PULLED = 1;
    static final int ENTERED = 2;

    private final long id;
    private final ByteBuffer payload;
    private final List<OpenHop> hops = new ArrayList<>();

    OpenFlow(long id, ByteBuffer payload) {
        this.id = id;
        this.payload = payload;
    }

    long id() {
        return id;
    }

    /** The payload as an index key (read-only, compared by content). */
    ByteBuffer payload() {
        return payload;
    }

    Instant start() {
        return hops.get(0).publish().time();
    }

    List<OpenHop> hops() {
        return hops;
    }

    OpenHop add(PacketEvent publish) {
        OpenHop hop = new OpenHop(this, publish);
        hops.add(hop);
        return hop;
    }

    /**
     * How well this PUBLISH fits as the next hop of this message: {@link #NO_FIT} before the flow began or on a
     * connection (and direction) the message already crossed. A message enters a node at most once (a second entry
     * is a new message, e.g. the publisher sending the same payload again): {@link #ENTERED}. A node delivers what
     * entered it ({@link #ENTERED}), or what it pulled in through an untapped bridge from another node that
     * delivered it to the bridge ({@link #PULLED}, a weaker guess).
     */
    int fit(PacketEvent publish) {
        if (publish.time().isBefore(start())) {
            return NO_FIT;
        }
        String node = publish.node();
        if (publish.direction() == PacketDirection.CLIENT_TO_BROKER) {
            return hops.stream().anyMatch(hop -> hop.publish().node().equals(node)) ? NO_FIT : ENTERED;
        }
        if (hops.stream().anyMatch(hop -> hop.isOn(node, publish.connectionId(), publish.direction()))) {
            return NO_FIT;
        }
        int fit = NO_FIT;
        for (OpenHop hop : hops) {
            PacketEvent seen = hop.publish();
            if (seen.node().equals(node) && seen.direction() == PacketDirection.CLIENT_TO_BROKER) {
                return ENTERED;
            }
            if (!seen.node().equals(node) && seen.direction() == PacketDirection.BROKER_TO_CLIENT) {
                fit = PULLED;
            }
        }
        return fit;
    }

    MessageFlow snapshot() {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        List<FlowHop> done = hops.stream().map(OpenHop::snapshot).toList();
        return new MessageFlow(id, bytes, done, done.stream().allMatch(FlowHop::handshakeComplete));
    }
}

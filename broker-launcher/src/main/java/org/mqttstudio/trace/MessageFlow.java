package org.mqttstudio.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The hops of one application message through the tapped network, e.g. publisher → broker A, bridge → broker B,
 * broker B → subscriber, as {@link FlowCorrelator} put them together. A bridge's local side is internal to its
 * broker and never tapped, so a bridge shows up as the hop of its remote client into (or out of) the other node.
 *
 * @param id       the flow's number, counted per correlator from 1
 * @param payload  the message's payload (equal on every hop)
 * @param hops     the hops in the order the taps saw their PUBLISH
 * @param complete true when every hop's QoS handshake is over (more hops may still come, e.g. to late subscribers)
 */
public record MessageFlow(long id, byte[] payload, List<FlowHop> hops, boolean complete) {

    public MessageFlow {
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a flow has at least one hop");
        }
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as UTF-8 (invalid sequences become U+FFFD). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageFlow that && id == that.id && complete == that.complete
                && Arrays.equals(payload, that.payload) && hops.equals(that.hops);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(payload), hops, complete);
    }

    @Override
    public String toString() {
        return "MessageFlow[id=" + id + ", payload=" + payloadText() + ", hops=" + hops + ", complete=" + complete
                + "]";
    }

    /** When the first hop's PUBLISH was seen. */
    public Instant start() {
        return hops.get(0).published();
    }
}

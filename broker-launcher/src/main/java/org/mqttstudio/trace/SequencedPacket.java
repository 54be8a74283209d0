package org.mqttstudio.trace;

import java.util.Objects;

/**
 * A recorded packet with its sequence number: the count of packets the run recorded before it, so that a reader
 * can tell exactly which packets it missed.
 */
public record SequencedPacket(long sequence, PacketEvent event) implements TraceEntry {
    public SequencedPacket {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        Objects.requireNonNull(event, "event");
    }
}

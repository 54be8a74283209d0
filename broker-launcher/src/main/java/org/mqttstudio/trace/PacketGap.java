package org.mqttstudio.trace;

/**
 * Packets {@code from} (inclusive) to {@code to} (exclusive) that a reader lost because it fell behind its backlog or
 * the recorder's ring: a table shows it as one row.
 */
public record PacketGap(long from, long to) implements TraceEntry {
    public PacketGap {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a gap needs 0 <= from < to: " + from + ".." + to);
        }
    }

    @Override
    public long sequence() {
        return from;
    }

    /** How many packets were lost. */
    public long count() {
        return to - from;
    }
}

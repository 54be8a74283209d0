package org.mqttstudio.trace;

import java.util.List;

/** One reader's position in a {@link PacketSource}; one thread reads it. */
public interface PacketReader extends AutoCloseable {
    /**
     * Takes up to {@code max} unread packets, oldest first, preceded by a {@link PacketGap} where this reader lost
     * packets since the last poll; returns at once, maybe with nothing.
     */
    List<TraceEntry> poll(int max);

    /** Packets this reader lost so far because it fell behind. */
    long lostCount();

    /** Ends the reader; {@link #poll} returns nothing from now on. */
    @Override
    void close();
}

package org.mqttstudio.trace;

import java.util.List;

/** One reader's queue of {@link FlowSource} events; one thread reads it. */
public interface FlowReader extends AutoCloseable {
    /** Takes up to {@code max} unread flows, the longest unread first; returns at once, maybe with nothing. */
    List<MessageFlow> poll(int max);

    /** Flow events this reader lost because it fell behind its backlog. */
    long lostCount();

    /** Ends the reader; {@link #poll} returns nothing from now on. */
    @Override
    void close();
}

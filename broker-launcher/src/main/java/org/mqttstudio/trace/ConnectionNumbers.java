package org.mqttstudio.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers connections from 1. A node's taps (one per listener, TCP and WebSocket, and the new ones of a restart)
 * share one, so that a node and a connection number name one connection in the trace, the flows and a pcap.
 */
public final class ConnectionNumbers {
    private final AtomicLong last = new AtomicLong();

    long next() {
        return last.incrementAndGet();
    }
}

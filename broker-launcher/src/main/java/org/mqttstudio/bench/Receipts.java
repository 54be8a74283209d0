package org.mqttstudio.bench;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.Histogram;

/**
 * What the subscriber got in one run: each message by publisher and sequence number (so losses and duplicates
 * count), and its latency from the send time in the payload. Each first receipt gives a permit back to the window
 * that keeps the publishers at most so many messages ahead.
 */
final class Receipts {
    /** Payload layout: publisher index, sequence number, send time (System.nanoTime). */
    static final int HEADER_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;

    private final BitSet[] seen;
    private final Semaphore window;
    private final Histogram latencyMicros = new Histogram(3);
    private long received;
    private long duplicates;
    private long lastReceiptNanos;

    Receipts(int publishers, Semaphore window) {
        this.seen = new BitSet[publishers];
        for (int i = 0; i < publishers; i++) {
            seen[i] = new BitSet();
        }
        this.window = window;
    }

    static byte[] payload(int size, int publisher, int sequence) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(size, HEADER_BYTES));
        buffer.putInt(publisher).putInt(sequence).putLong(System.nanoTime());
        return buffer.array();
    }

    /** Called on the subscriber's callback thread. */
    void accept(ByteBuffer payload) {
        long now = System.nanoTime();
        int publisher = payload.getInt(0);
        int sequence = payload.getInt(Integer.BYTES);
        long sentAt = payload.getLong(2 * Integer.BYTES);
        synchronized (this) {
            lastReceiptNanos = now;
            if (seen[publisher].get(sequence)) {
                duplicates++;
                return;
            }
            seen[publisher].set(sequence);
            received++;
            latencyMicros.recordValue(Math.max(0, (now - sentAt) / 1_000));
        }
        window.release();
    }

    synchronized long received() {
        return received;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long lastReceiptNanos() {
        return lastReceiptNanos;
    }

    synchronized long latencyPercentileMicros(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile);
    }
}

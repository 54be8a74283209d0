package org.mqttstudio.bench;

import java.nio.ByteBuffer;
import java.util.BitSet;
import org.HdrHistogram.Histogram;

/**
 * What the subscribers got in one run: each message by subscriber, publisher and sequence number (so losses and
 * duplicates count), and its latency from the send time in the payload.
 */
final class Receipts {
    /** Payload layout: publisher index, sequence number, send time (System.nanoTime). */
    static final int HEADER_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;

    private final BitSet[][] seen;
    private final Histogram latencyMicros = new Histogram(3);
    private long received;
    private long duplicates;
    private long lastReceiptNanos;

    Receipts(int subscribers, int publishers) {
        this.seen = new BitSet[subscribers][publishers];
        for (BitSet[] ofSubscriber : seen) {
            for (int i = 0; i < publishers; i++) {
                ofSubscriber[i] = new BitSet();
            }
        }
    }

    static byte[] payload(int size, int publisher, int sequence) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(size, HEADER_BYTES));
        buffer.putInt(publisher).putInt(sequence).putLong(System.nanoTime());
        return buffer.array();
    }

    /** Called on a subscriber's callback thread. */
    void accept(int subscriber, ByteBuffer payload) {
        long now = System.nanoTime();
        int publisher = payload.getInt(0);
        int sequence = payload.getInt(Integer.BYTES);
        long sentAt = payload.getLong(2 * Integer.BYTES);
        synchronized (this) {
            lastReceiptNanos = now;
            if (seen[subscriber][publisher].get(sequence)) {
                duplicates++;
                return;
            }
            seen[subscriber][publisher].set(sequence);
            received++;
            latencyMicros.recordValue(Math.max(0, (now - sentAt) / 1_000));
        }
    }

    /** Distinct deliveries, over all subscribers. */
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

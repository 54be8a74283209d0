package org.mqttstudio.bench;

import java.util.List;

/**
 * How much load the bench makes.
 *
 * @param messages     deliveries per scenario and broker (a fan-out publishes a tenth as many)
 * @param warmup       warm-up deliveries per broker, spread over the scenarios, before measuring (the load
 *                     generator's JIT needs ~200 000 here, the embedded broker's JVM more)
 * @param payloadBytes payload size; at least 16 (publisher, sequence number, send time)
 * @param rounds       how often every scenario runs on every broker; the median round is reported
 * @param pinning      which cores brokers and load get
 * @param scale        the broker counts of the start-up and memory scale (none for no scale)
 */
public record BenchOptions(int messages, int warmup, int payloadBytes, int rounds, Pinning pinning,
                           List<Integer> scale) {
    /** The queue per client when a row is smaller: what the bench's warm-up needs. */
    private static final int MIN_QUEUE = 100_000;

    public BenchOptions {
        if (messages < 10) {
            throw new IllegalArgumentException("--messages must be at least 10: " + messages);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative: " + warmup);
        }
        if (payloadBytes < Receipts.HEADER_BYTES) {
            throw new IllegalArgumentException("--payload must be at least " + Receipts.HEADER_BYTES + " bytes: "
                    + payloadBytes);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1: " + rounds);
        }
        scale = List.copyOf(scale);
        if (scale.stream().anyMatch(n -> n < 1 || n > 100)) {
            throw new IllegalArgumentException("broker counts must be 1..100: " + scale);
        }
    }

    /**
     * The queue per client set on every broker (HiveMQ's {@code max-queue-size}, mosquitto's
     * {@code max_queued_messages}; both default to 1000 and drop beyond): large enough to hold a whole row, so that
     * a subscriber slower than its publishers makes both brokers queue, not drop.
     */
    public int queuePerClient() {
        return Math.max(MIN_QUEUE, Math.max(messages, warmup));
    }

    /**
     * How long a run waits for a receipt before what is missing counts as lost: 5 s, 2 s for a smoke run of few
     * messages (where the 5 s of the lossy rows would be most of its time).
     */
    public long quietMillis() {
        return messages < 10_000 ? 2_000 : 5_000;
    }

    /** Deliveries of a sweep row: a quarter of a row (a window of 1 runs at one message per round trip). */
    public int sweepMessages() {
        return Math.max(10, messages / 4);
    }
}

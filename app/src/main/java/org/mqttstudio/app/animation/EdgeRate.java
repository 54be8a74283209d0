package org.mqttstudio.app.animation;

/**
 * Messages per second over {@value #WINDOW_BUCKETS} quarter seconds of wire time (when the taps saw the hops, in
 * nanoseconds of the epoch), counted in a fixed ring of buckets (nothing grows with the rate). Hops may be counted
 * out of order, as flows reach the pump; one older than the ring is dropped. Until the window has filled, the rate is
 * over the time since the first count (at least a second, so a lone first message is not read as hundreds a
 * second). One thread uses it.
 */
final class EdgeRate {
    static final long BUCKET_NANOS = 250_000_000L;
    static final int WINDOW_BUCKETS = 12;
    /** Buckets kept: the window and as many again, for hops that reach the pump late. */
    private static final int RING = 2 * WINDOW_BUCKETS;
    private static final long SECOND = 1_000_000_000L;

    private final long[] counts = new long[RING];
    private final long[] bucketOf = new long[RING];
    private long first = Long.MAX_VALUE;

    EdgeRate() {
        java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    void count(long wireNanos) {
        first = Math.min(first, wireNanos);
        long bucket = Math.floorDiv(wireNanos, BUCKET_NANOS);
        int slot = (int) Math.floorMod(bucket, RING);
        if (bucketOf[slot] > bucket) {
            return; // older than the ring: past every window still asked for
        }
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The rate over the whole buckets before {@code untilNanos} (see {@link #windowEnd}). */
    double perSecond(long untilNanos) {
        if (first == Long.MAX_VALUE) {
            return 0;
        }
        long end = windowEnd(untilNanos);
        long oldest = end / BUCKET_NANOS - WINDOW_BUCKETS;
        long sum = 0;
        for (int i = 0; i < RING; i++) {
            if (bucketOf[i] >= oldest && bucketOf[i] < end / BUCKET_NANOS) {
                sum += counts[i];
            }
        }
        long since = Math.max(oldest * BUCKET_NANOS, first);
        return sum * (double) SECOND / Math.max(SECOND, end - since);
    }

    /** Where a window asked for until {@code untilNanos} ends: the start of the bucket it falls in. */
    static long windowEnd(long untilNanos) {
        return Math.floorDiv(untilNanos, BUCKET_NANOS) * BUCKET_NANOS;
    }
}

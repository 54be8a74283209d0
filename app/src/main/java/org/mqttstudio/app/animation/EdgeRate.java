package org.mqttstudio.app.animation;

/**
 * Messages per second over the last {@value #WINDOW_BUCKETS} quarter seconds, counted in a fixed ring of buckets
 * (nothing grows with the rate). Until the window has filled, the rate is over the time since the first count (at
 * least a second, so a lone first message is not read as hundreds a second). One thread uses it.
 */
final class EdgeRate {
    static final long BUCKET_NANOS = 250_000_000L;
    static final int WINDOW_BUCKETS = 12;
    private static final long SECOND = 1_000_000_000L;

    private final long[] counts = new long[WINDOW_BUCKETS];
    private final long[] bucketOf = new long[WINDOW_BUCKETS];
    private long first = Long.MIN_VALUE;

    EdgeRate() {
        java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    void count(long nowNanos) {
        if (first == Long.MIN_VALUE) {
            first = nowNanos;
        }
        long bucket = Math.floorDiv(nowNanos, BUCKET_NANOS);
        int slot = (int) Math.floorMod(bucket, WINDOW_BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    double perSecond(long nowNanos) {
        if (first == Long.MIN_VALUE) {
            return 0;
        }
        long bucket = Math.floorDiv(nowNanos, BUCKET_NANOS);
        long oldest = bucket - WINDOW_BUCKETS + 1;
        long sum = 0;
        for (int i = 0; i < WINDOW_BUCKETS; i++) {
            if (bucketOf[i] >= oldest && bucketOf[i] <= bucket) {
                sum += counts[i];
            }
        }
        long since = Math.max(oldest * BUCKET_NANOS, first);
        return sum * (double) SECOND / Math.max(SECOND, nowNanos - since);
    }
}

package org.mqttstudio.explorer;

/**
 * The bounds of what one connection keeps (settings): messages per topic, messages in all, topics in the tree.
 *
 * @param total at most {@link #MAX_TOTAL}: a kept message costs a few hundred bytes of heap beyond its payload
 */
public record HistoryLimits(int perTopic, int total, int topics) {
    public static final HistoryLimits DEFAULT = new HistoryLimits(1_000, 200_000, 100_000);
    public static final int MAX_TOTAL = 2_000_000;

    public HistoryLimits {
        if (perTopic < 1) {
            throw new IllegalArgumentException("history per topic must be at least 1 message: " + perTopic);
        }
        if (total < perTopic) {
            throw new IllegalArgumentException("history in all (" + total
                    + ") must be at least the history per topic (" + perTopic + ")");
        }
        if (total > MAX_TOTAL) {
            throw new IllegalArgumentException("history in all may be at most " + MAX_TOTAL
                    + " messages (the heap holds them): " + total);
        }
        if (topics < 1) {
            throw new IllegalArgumentException("the topic tree must hold at least 1 topic: " + topics);
        }
    }

    public HistoryLimits withPerTopic(int newPerTopic) {
        return new HistoryLimits(newPerTopic, total, topics);
    }

    public HistoryLimits withTotal(int newTotal) {
        return new HistoryLimits(perTopic, newTotal, topics);
    }

    /** These limits with the history bounds of {@code other} (the topic bound stays: the tree is made with it). */
    public HistoryLimits withHistoryOf(HistoryLimits other) {
        return new HistoryLimits(other.perTopic, other.total, topics);
    }
}

package org.mqttstudio.explorer;

/**
 * The bounds of what one connection keeps (settings): messages per topic, messages in all, topics in the tree.
 */
public record HistoryLimits(int perTopic, int total, int topics) {
    public static final HistoryLimits DEFAULT = new HistoryLimits(1_000, 200_000, 100_000);

    public HistoryLimits {
        if (perTopic < 1 || total < perTopic || topics < 1) {
            throw new IllegalArgumentException("history limits need 1 <= per topic <= total and topics >= 1: "
                    + perTopic + ", " + total + ", " + topics);
        }
    }
}

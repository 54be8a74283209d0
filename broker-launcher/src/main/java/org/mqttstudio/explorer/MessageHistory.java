package org.mqttstudio.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest messages per topic, bounded per topic and in total: the oldest go first. Not thread-safe:
 * {@link ExplorerSession} guards it.
 */
final class MessageHistory {
    private int perTopic;
    private int total;
    private final Map<String, Deque<Entry>> byTopic = new HashMap<>();
    /** Every kept message in arrival order, and some its topic's bound dropped since (marked, skipped when met). */
    private final Deque<Entry> arrival = new ArrayDeque<>();
    private int kept;

    private static final class Entry {
        final ExplorerMessage message;
        boolean dropped;

        Entry(ExplorerMessage message) {
            this.message = message;
        }
    }

    MessageHistory(int perTopic, int total) {
        if (perTopic < 1 || total < 1) {
            throw new IllegalArgumentException("history bounds must be at least 1: " + perTopic + ", " + total);
        }
        this.perTopic = perTopic;
        this.total = total;
    }

    void add(ExplorerMessage message) {
        Entry entry = new Entry(message);
        Deque<Entry> topic = byTopic.computeIfAbsent(message.topic(), t -> new ArrayDeque<>());
        topic.addLast(entry);
        arrival.addLast(entry);
        kept++;
        if (topic.size() > perTopic) {
            topic.removeFirst().dropped = true;
            kept--;
        }
        trimTotal();
    }

    /** New bounds: the oldest messages past them go now (of each topic, then of all). */
    void bound(int newPerTopic, int newTotal) {
        if (newPerTopic < 1 || newTotal < 1) {
            throw new IllegalArgumentException("history bounds must be at least 1: " + newPerTopic + ", " + newTotal);
        }
        perTopic = newPerTopic;
        total = newTotal;
        for (Deque<Entry> topic : byTopic.values()) {
            while (topic.size() > perTopic) {
                topic.removeFirst().dropped = true;
                kept--;
            }
        }
        trimTotal();
    }

    private void trimTotal() {
        while (kept > total) {
            Entry oldest = arrival.removeFirst();
            if (!oldest.dropped) {
                Deque<Entry> of = byTopic.get(oldest.message.topic());
                of.removeFirst(); // a topic's oldest kept message is the oldest kept one of all
                kept--;
                if (of.isEmpty()) {
                    byTopic.remove(oldest.message.topic());
                }
            }
        }
        if (arrival.size() > 2 * total) { // at most once per `total` additions: amortised constant
            arrival.removeIf(e -> e.dropped);
        }
    }

    /** A topic's kept messages, oldest first. */
    List<ExplorerMessage> of(String topic) {
        Deque<Entry> entries = byTopic.get(topic);
        if (entries == null) {
            return List.of();
        }
        List<ExplorerMessage> messages = new ArrayList<>(entries.size());
        entries.forEach(e -> messages.add(e.message));
        return messages;
    }

    /** Every kept message, in arrival order. */
    List<ExplorerMessage> all() {
        List<ExplorerMessage> all = new ArrayList<>(kept);
        arrival.stream().filter(e -> !e.dropped).forEach(e -> all.add(e.message));
        return all;
    }

    int size() {
        return kept;
    }

    /** Entries held, dropped ones not yet swept included: stays under twice the total bound. */
    int heldEntries() {
        return arrival.size();
    }
}

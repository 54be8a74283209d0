package org.mqttstudio.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one connection received: the topic tree and the bounded history, filled from the client library's thread
 * (a message costs a map look-up per topic level), read by views once per frame through {@link #drainChanges()}.
 * Every store is bounded by {@link HistoryLimits}, so a flood cannot grow it; a dropped connection keeps it all.
 */
public final class ExplorerSession {
    /** Messages handed to views per drain at most; older ones of a frame are only in the history. */
    static final int MAX_MESSAGES_PER_DRAIN = 5_000;

    private final HistoryLimits limits;
    private final TopicTree tree;
    private final MessageHistory history;
    // guarded by this
    private final Set<String> changed = new LinkedHashSet<>();
    private final ArrayDeque<ExplorerMessage> fresh = new ArrayDeque<>();

    public ExplorerSession(HistoryLimits limits) {
        this.limits = limits;
        this.tree = new TopicTree(limits.topics());
        this.history = new MessageHistory(limits.perTopic(), limits.total());
    }

    public HistoryLimits limits() {
        return limits;
    }

    /** Takes a received message in; called on the client's thread. */
    public synchronized void accept(ExplorerMessage message) {
        List<String> levels = tree.accept(message);
        if (levels.isEmpty()) {
            return; // the tree is full: the message is counted as dropped, not kept
        }
        history.add(message);
        changed.addAll(levels);
        if (fresh.size() == MAX_MESSAGES_PER_DRAIN) {
            fresh.removeFirst();
        }
        fresh.add(message);
    }

    /** Marks a topic's retained message as cleared (after the explorer published the empty retained message). */
    public synchronized void retainedCleared(String topic) {
        tree.clearRetained(topic).ifPresent(changed::add);
    }

    /** What changed since the last call: called by one view pump, once per frame. */
    public synchronized SessionChanges drainChanges() {
        List<TopicSummary> topics = new ArrayList<>(changed.size());
        for (String topic : changed) {
            tree.summary(topic).ifPresent(topics::add);
        }
        topics.sort(Comparator.comparingInt(s -> depth(s.topic())));
        changed.clear();
        List<ExplorerMessage> messages = List.copyOf(fresh);
        fresh.clear();
        return new SessionChanges(topics, messages, tree.totalMessages(), tree.droppedMessages());
    }

    private static int depth(String topic) {
        int depth = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    public synchronized Optional<TopicSummary> topic(String topic) {
        return tree.summary(topic);
    }

    /** A topic's kept messages, oldest first. */
    public synchronized List<ExplorerMessage> history(String topic) {
        return history.of(topic);
    }

    /** Every kept message in arrival order. */
    public synchronized List<ExplorerMessage> history() {
        return history.all();
    }

    /** The message of the same topic before {@code message}, for a diff. */
    public synchronized Optional<ExplorerMessage> previous(ExplorerMessage message) {
        List<ExplorerMessage> of = history.of(message.topic());
        for (int i = of.size() - 1; i > 0; i--) {
            if (of.get(i) == message) {
                return Optional.of(of.get(i - 1));
            }
        }
        return Optional.empty();
    }

    /** Topics containing the text (ignoring case), at most {@code max}. */
    public synchronized List<String> search(String text, int max) {
        return tree.search(text, max);
    }

    /**
     * Topics an MQTT filter matches, at most {@code max}.
     *
     * @throws IllegalArgumentException naming the filter's problem when it is not a valid filter
     */
    public synchronized List<String> matching(String filter, int max) {
        return tree.matching(filter, max);
    }

    public synchronized int topicCount() {
        return tree.topicCount();
    }

    public synchronized int historySize() {
        return history.size();
    }

    /** Entries the history holds, swept ones included: at most twice the total bound (for memory checks). */
    public synchronized int historyEntriesHeld() {
        return history.heldEntries();
    }

    public synchronized long received() {
        return tree.totalMessages();
    }
}

package org.mqttstudio.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one connection received: the topic tree and the bounded history, filled from the client library's thread
 * (a message costs a map look-up per topic level), read by views once per frame through {@link #drainChanges()}.
 * Every store is bounded by {@link HistoryLimits}, so a flood cannot grow it; a dropped connection keeps it all.
 */
public final class ExplorerSession {
    /** Messages handed to views per drain at most; older ones of a frame are only in the history. */
    static final int MAX_MESSAGES_PER_DRAIN = 5_000;

    private volatile HistoryLimits limits;
    private final TopicTree tree;
    private final MessageHistory history;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final Set<String> changed = new LinkedHashSet<>();
    private final ArrayDeque<ExplorerMessage> fresh = new ArrayDeque<>();

    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    public ExplorerSession(HistoryLimits limits) {
        this.limits = limits;
        this.tree = new TopicTree(limits.topics());
        this.history = new MessageHistory(limits.perTopic(), limits.total());
    }

    public HistoryLimits limits() {
        return limits;
    }

    /**
     * Bounds the history anew (a setting changed): what is past the new bounds goes now, oldest first. The topic
     * bound stays the one the session was made with.
     */
    public void limitHistory(HistoryLimits next) {
        lock.lock();
        try {
            history.bound(next.perTopic(), next.total());
            limits = limits.withHistoryOf(next);
        } finally {
            lock.unlock();
        }
    }

    /** Takes a received message in; called on the client's thread. */
    public void accept(ExplorerMessage message) {
        lock.lock();
        try {
            acceptLocked(message);
        } finally {
            lock.unlock();
        }
    }

    private void acceptLocked(ExplorerMessage message) {
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
    public void retainedCleared(String topic) {
        locked(() -> tree.clearRetained(topic).map(changed::add));
    }

    /**
     * What changed since the last call: called by one view pump, once per frame. Never waits for the client's
     * thread: when that thread holds the session right now (on a loaded machine it may be descheduled holding it),
     * this frame gets nothing and the next one gets it all.
     */
    public SessionChanges drainChanges() {
        if (!lock.tryLock()) {
            return SessionChanges.NONE;
        }
        try {
            return drain();
        } finally {
            lock.unlock();
        }
    }

    private SessionChanges drain() {
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

    public Optional<TopicSummary> topic(String topic) {
        return locked(() -> tree.summary(topic));
    }

    /** A topic's kept messages, oldest first. */
    public List<ExplorerMessage> history(String topic) {
        return locked(() -> history.of(topic));
    }

    /** Every kept message in arrival order. */
    public List<ExplorerMessage> history() {
        return locked(() -> history.all());
    }

    /** The message of the same topic before {@code message}, for a diff. */
    public Optional<ExplorerMessage> previous(ExplorerMessage message) {
        List<ExplorerMessage> of = history(message.topic());
        for (int i = of.size() - 1; i > 0; i--) {
            if (of.get(i) == message) {
                return Optional.of(of.get(i - 1));
            }
        }
        return Optional.empty();
    }

    /** Topics containing the text (ignoring case), at most {@code max}. */
    public List<String> search(String text, int max) {
        return locked(() -> tree.search(text, max));
    }

    /**
     * Topics an MQTT filter matches, at most {@code max}.
     *
     * @throws IllegalArgumentException naming the filter's problem when it is not a valid filter
     */
    public List<String> matching(String filter, int max) {
        return locked(() -> tree.matching(filter, max));
    }

    public int topicCount() {
        return locked(() -> tree.topicCount());
    }

    public int historySize() {
        return locked(() -> history.size());
    }

    /** Entries the history holds, swept ones included: at most twice the total bound (for memory checks). */
    public int historyEntriesHeld() {
        return locked(() -> history.heldEntries());
    }

    public long received() {
        return locked(() -> tree.totalMessages());
    }
}

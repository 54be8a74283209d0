package org.mqttstudio.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mqttstudio.mqtt.Topics;

/**
 * The topic levels a connection has seen, with per-subtree counts, the last message and the retained marker.
 * Bounded: past {@code maxTopics} topics, messages on new topics are counted, not kept. Not thread-safe: {@link ExplorerSession}
 * guards it.
 */
final class TopicTree {
    private final int maxTopics;
    private final Level root = new Level("", "", null);
    /** Every level by its full topic, the root excluded. */
    private final Map<String, Level> levels = new HashMap<>();
    private int topics;
    private long droppedMessages;

    TopicTree(int maxTopics) {
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be at least 1: " + maxTopics);
        }
        this.maxTopics = maxTopics;
    }

    private static final class Level {
        final String topic;
        final String name;
        final Level parent;
        final Map<String, Level> children = new TreeMap<>();
        long messages;
        long subtree;
        ExplorerMessage last;
        boolean retained;
        boolean isTopic;
        Instant lastTime;

        Level(String topic, String name, Level parent) {
            this.topic = topic;
            this.name = name;
            this.parent = parent;
        }

        TopicSummary summary() {
            return new TopicSummary(topic, name, parent.parent == null ? Optional.empty() : Optional.of(parent.topic),
                    messages, subtree, Optional.ofNullable(last), retained, Optional.ofNullable(lastTime));
        }
    }

    /**
     * Counts the message in; returns the topics whose summary changed (the message's level and its ancestors, the
     * first level last), or nothing when the tree is full and the topic is new.
     */
    List<String> accept(ExplorerMessage message) {
        Level level = levels.get(message.topic());
        if (level == null || !level.isTopic) {
            if (topics >= maxTopics) {
                droppedMessages++;
                return List.of();
            }
            level = create(message.topic());
            level.isTopic = true;
            topics++;
        }
        level.messages++;
        level.last = message;
        level.retained = message.retain() ? !message.clearsRetained() : level.retained;
        List<String> changed = new ArrayList<>();
        for (Level at = level; at != root; at = at.parent) {
            at.subtree++;
            at.lastTime = message.receivedAt();
            changed.add(at.topic);
        }
        root.subtree++;
        return changed;
    }

    /** Marks a topic's retained message gone (the explorer cleared it). */
    Optional<String> clearRetained(String topic) {
        Level level = levels.get(topic);
        if (level == null || !level.retained) {
            return Optional.empty();
        }
        level.retained = false;
        return Optional.of(topic);
    }

    private Level create(String topic) {
        Level at = root;
        int start = 0;
        while (true) {
            int slash = topic.indexOf('/', start);
            String name = slash < 0 ? topic.substring(start) : topic.substring(start, slash);
            String path = slash < 0 ? topic : topic.substring(0, slash);
            Level parent = at;
            at = at.children.computeIfAbsent(name, n -> new Level(path, n, parent));
            levels.putIfAbsent(path, at);
            if (slash < 0) {
                return at;
            }
            start = slash + 1;
        }
    }

    /** A level by its full topic ({@code ""} is the empty first level of topics such as {@code /a}, not the root). */
    Optional<TopicSummary> summary(String topic) {
        return Optional.ofNullable(levels.get(topic)).map(Level::summary);
    }

    /** Messages on every topic. */
    long totalMessages() {
        return root.subtree;
    }

    /** The topics (with messages) that contain {@code text}, ignoring case, in topic order; at most {@code max}. */
    List<String> search(String text, int max) {
        String needle = text.toLowerCase(Locale.ROOT);
        return find(topic -> topic.toLowerCase(Locale.ROOT).contains(needle), max);
    }

    /** The topics (with messages) an MQTT filter such as {@code +/temperature} matches; at most {@code max}. */
    List<String> matching(String filter, int max) {
        Topics.filterProblem(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("filter '" + filter + "': " + problem);
        });
        return find(topic -> Topics.matches(filter, topic), max);
    }

    private List<String> find(java.util.function.Predicate<String> test, int max) {
        List<String> found = new ArrayList<>();
        levels.values().stream().filter(l -> l.isTopic && test.test(l.topic)).map(l -> l.topic).sorted()
                .limit(max).forEach(found::add);
        return found;
    }

    int topicCount() {
        return topics;
    }

    long droppedMessages() {
        return droppedMessages;
    }

    int maxTopics() {
        return maxTopics;
    }
}

package org.mqttstudio.mqtt;

import java.util.Optional;

/** Topic names and filters as MQTT 3.1.1 (section 4.7) and 5 define them. */
public final class Topics {
    private static final int MAX_BYTES = 65535;

    private Topics() {
    }

    /** Why {@code name} is not a valid topic name to publish to, or empty if it is. */
    public static Optional<String> topicNameProblem(String name) {
        Optional<String> common = commonProblem(name);
        if (common.isPresent()) {
            return common;
        }
        if (name.contains("+") || name.contains("#")) {
            return Optional.of("a topic to publish to must not contain the wildcards '+' or '#'");
        }
        return Optional.empty();
    }

    /** Why {@code filter} is not a valid topic filter, or empty if it is. */
    public static Optional<String> filterProblem(String filter) {
        Optional<String> common = commonProblem(filter);
        if (common.isPresent()) {
            return common;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of("'#' must be a whole level and the last one (as in 'a/#')");
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of("'+' must be a whole level (as in 'a/+/c')");
            }
        }
        return Optional.empty();
    }

    public static boolean isValidTopicName(String name) {
        return topicNameProblem(name).isEmpty();
    }

    public static boolean isValidFilter(String filter) {
        return filterProblem(filter).isEmpty();
    }

    public static boolean hasWildcard(String s) {
        return s.indexOf('+') >= 0 || s.indexOf('#') >= 0;
    }

    /**
     * Whether a message published to {@code topic} is delivered to a subscription on
     * {@code filter}: levels split on '/', empty levels count, '+' matches exactly one level,
     * '#' the parent level and any number of levels below, and a filter starting with a
     * wildcard never matches a topic starting with '$'.
     */
    public static boolean matches(String filter, String topic) {
        if (filter.isEmpty() || topic.isEmpty()) {
            return false;
        }
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private static Optional<String> commonProblem(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("it must not be empty");
        }
        if (s.indexOf('\0') >= 0) {
            return Optional.of("it must not contain the null character");
        }
        if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("it is longer than 65535 bytes");
        }
        return Optional.empty();
    }
}

package org.mqttstudio.topology;

import java.util.List;

/** Constructor-time validation shared by the model records; messages name the field. */
final class Checks {
    private Checks() {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static int qos(int value, String field) {
        return range(value, 0, 2, field);
    }

    static int port(int value, String field) {
        return range(value, 1, 65535, field);
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

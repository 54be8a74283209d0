package org.mqttstudio.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.PayloadTemplate;

/** The parsers of the property sheet's text fields; each reason says what a valid value looks like. */
final class Parsers {
    private Parsers() {
    }

    static Parser<String> text() {
        return s -> s;
    }

    static Parser<String> required(String what) {
        return s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return s;
        };
    }

    /** Empty text means "not set" (null): the model then uses its default. */
    static Parser<String> optional() {
        return s -> s.isBlank() ? null : s;
    }

    static Parser<String> noSpaces(String what) {
        return s -> {
            required(what).parse(s);
            if (s.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(what + " must not contain spaces");
            }
            return s;
        };
    }

    static Parser<Integer> port() {
        return s -> range(s, 1, 65535, "a port");
    }

    /** Empty means no such listener. */
    static Parser<Integer> optionalPort() {
        return s -> s.isBlank() ? null : port().parse(s);
    }

    /** Ports separated by commas or spaces, at least one. */
    static Parser<List<Integer>> ports() {
        return s -> {
            List<Integer> ports = new ArrayList<>();
            for (String part : s.trim().split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    int port = port().parse(part);
                    if (ports.contains(port)) {
                        throw new IllegalArgumentException("port " + port + " is listed twice");
                    }
                    ports.add(port);
                }
            }
            if (ports.isEmpty()) {
                throw new IllegalArgumentException("a broker needs at least one MQTT port");
            }
            return ports;
        };
    }

    static Parser<Integer> atLeast(int min, String what) {
        return s -> range(s, min, Integer.MAX_VALUE, what);
    }

    static Parser<Integer> between(int min, int max, String what) {
        return s -> range(s, min, max, what);
    }

    static Parser<String> topicName() {
        return checked(Topics::topicNameProblem, "topic");
    }

    static Parser<String> filter() {
        return checked(Topics::filterProblem, "filter");
    }

    static Parser<String> template() {
        return checked(PayloadTemplate::problem, "template");
    }

    private static Parser<String> checked(Function<String, Optional<String>> problem, String what) {
        return s -> {
            problem.apply(s).ifPresent(reason -> {
                throw new IllegalArgumentException("invalid " + what + ": " + reason);
            });
            return s;
        };
    }

    private static int range(String text, int min, int max, String what) {
        String s = text.trim();
        String expected = max == Integer.MAX_VALUE ? what + " must be a whole number of at least " + min
                : what + " must be a whole number from " + min + " to " + max;
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.isEmpty() ? expected : "'" + s + "' is not a number: " + expected);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range: " + expected);
        }
        return value;
    }
}

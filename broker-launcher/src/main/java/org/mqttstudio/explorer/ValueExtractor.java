package org.mqttstudio.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the number a chart plots out of a payload: the first number in the text (so {@code 24},
 * {@code temperature: 24} and {@code Humidity: 10%} plot as 24, 24 and 10), or the value at a JSON path such as
 * {@code $.sensor.temp} or {@code $.readings[0].value}.
 */
public sealed interface ValueExtractor {
    OptionalDouble extract(byte[] payload);

    /** What the user typed: empty or {@code first number} for the first number, else a JSON path from {@code $}. */
    static ValueExtractor parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        return s.isEmpty() || s.equalsIgnoreCase("first number") ? new FirstNumber() : JsonPath.parse(s);
    }

    /** The first decimal number in the payload's text. */
    record FirstNumber() implements ValueExtractor {
        private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

        @Override
        public OptionalDouble extract(byte[] payload) {
            Matcher m = NUMBER.matcher(PayloadViews.text(payload));
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group())) : OptionalDouble.empty();
        }

        @Override
        public String toString() {
            return "first number";
        }
    }

    /** A dotted JSON path with array indexes: {@code $.a.b[2].c}. */
    record JsonPath(String path, java.util.List<Object> steps) implements ValueExtractor {
        private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

        public JsonPath {
            steps = java.util.List.copyOf(steps);
        }

        static JsonPath parse(String path) {
            if (!path.startsWith("$")) {
                throw new IllegalArgumentException("JSON path '" + path + "': must start with $ (e.g. $.sensor.temp)");
            }
            java.util.List<Object> steps = new java.util.ArrayList<>();
            Matcher m = STEP.matcher(path);
            int at = 1;
            while (at < path.length()) {
                if (!m.find(at) || m.start() != at) {
                    throw new IllegalArgumentException("JSON path '" + path + "': cannot read it from column "
                            + (at + 1) + " (use .name and [index])");
                }
                steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
                at = m.end();
            }
            return new JsonPath(path, steps);
        }

        @Override
        public OptionalDouble extract(byte[] payload) {
            Optional<JsonNode> node = PayloadViews.json(payload);
            if (node.isEmpty()) {
                return OptionalDouble.empty();
            }
            JsonNode at = node.get();
            for (Object step : steps) {
                at = step instanceof Integer index ? at.path(index) : at.path((String) step);
            }
            if (at.isNumber()) {
                return OptionalDouble.of(at.asDouble());
            }
            return at.isTextual() ? new FirstNumber().extract(at.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : OptionalDouble.empty();
        }

        @Override
        public String toString() {
            return path;
        }
    }
}

package org.mqttstudio.topology;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A publisher's payload template. Text is sent as written, except placeholders:
 * <ul>
 *   <li>{@code {rand:MIN:MAX}} a random whole number from MIN to MAX inclusive;</li>
 *   <li>{@code {rand:MIN:MAX:STEP}} MIN + STEP*k, at most MAX (the course's temperature,
 *       20 + 4*r for r in 0..100, is {@code {rand:20:420:4}});</li>
 *   <li>{@code {seq}} the message's sequence number, from 1;</li>
 *   <li>{@code {time}} local time HH:mm:ss; {@code {epochMs}} milliseconds since 1970;</li>
 *   <li>{@code {{} and {@code {}}} a literal brace.</li>
 * </ul>
 */
public final class PayloadTemplate {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private sealed interface Part permits Text, Rand, Seq, Time, EpochMs {
    }

    private record Text(String text) implements Part {
    }

    private record Rand(long min, long max, long step) implements Part {
    }

    private record Seq() implements Part {
    }

    private record Time() implements Part {
    }

    private record EpochMs() implements Part {
    }

    private final List<Part> parts;

    private PayloadTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Parses a template; throws IllegalArgumentException naming the bad placeholder. */
    public static PayloadTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (template.startsWith("{{", i) || template.startsWith("}}", i)) {
                text.append(c);
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("placeholder at character " + (i + 1) + " is not closed with '}'");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(placeholder(template.substring(i + 1, end)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new PayloadTemplate(parts);
    }

    /** Why the template cannot be used, or empty. */
    public static Optional<String> problem(String template) {
        try {
            parse(template);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The payload of message number {@code seq} (from 1), sent at {@code now}. */
    public String render(long seq, Instant now, RandomGenerator random) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Rand r) {
                long steps = (r.max() - r.min()) / r.step();
                out.append(r.min() + r.step() * random.nextLong(steps + 1));
            } else if (part instanceof Seq) {
                out.append(seq);
            } else if (part instanceof Time) {
                out.append(TIME.format(now.atZone(ZoneId.systemDefault())));
            } else {
                out.append(now.toEpochMilli());
            }
        }
        return out.toString();
    }

    private static Part placeholder(String body) {
        switch (body) {
            case "seq":
                return new Seq();
            case "time":
                return new Time();
            case "epochMs":
                return new EpochMs();
            default:
                break;
        }
        String[] f = body.split(":", -1);
        if (f[0].equals("rand") && (f.length == 3 || f.length == 4)) {
            try {
                long min = Long.parseLong(f[1]);
                long max = Long.parseLong(f[2]);
                long step = f.length == 4 ? Long.parseLong(f[3]) : 1;
                if (max < min || step < 1) {
                    throw new IllegalArgumentException("{" + body + "}: needs MIN <= MAX and STEP >= 1");
                }
                return new Rand(min, max, step);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("{" + body + "}: MIN, MAX and STEP must be whole numbers", e);
            }
        }
        throw new IllegalArgumentException("unknown placeholder {" + body
                + "} (use {rand:MIN:MAX}, {rand:MIN:MAX:STEP}, {seq}, {time}, {epochMs}, or {{ for a brace)");
    }
}

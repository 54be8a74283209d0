package org.mqttstudio.app.animation;

import java.util.ArrayList;
import java.util.List;

/**
 * The colour of each topic's dots: the first {@value #NAMED} topics a run shows get a colour of their own each, in
 * the order they first appear (so a colour never changes while the run goes on), every later topic the "other"
 * colour. Broker status topics ({@code $SYS/...}, e.g. a bridge's state notification) share one colour of their own
 * and take no named one. Colours are style classes ({@code topic-0} ..., {@code topic-status}, {@code topic-other})
 * that assets/studio.css paints.
 */
final class TopicColors {
    static final int NAMED = 6;
    /** The index of the "other" colour. */
    static final int OTHER = NAMED;
    /** The index of the status topics' colour. */
    static final int STATUS = NAMED + 1;

    private final List<String> topics = new ArrayList<>(NAMED);
    private boolean others;
    private boolean status;

    /** The colour index of {@code topic}: 0 to {@value #NAMED} - 1, {@link #STATUS} or {@link #OTHER}. */
    int colourOf(String topic) {
        if (topic.startsWith("$")) {
            status = true;
            return STATUS;
        }
        int known = topics.indexOf(topic);
        if (known >= 0) {
            return known;
        }
        if (topics.size() < NAMED) {
            topics.add(topic);
            return topics.size() - 1;
        }
        others = true;
        return OTHER;
    }

    /** The legend: the named topics in colour order, then status and other topics once one was seen. */
    List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>(NAMED + 2);
        for (int i = 0; i < topics.size(); i++) {
            entries.add(new LegendEntry(topics.get(i), styleClass(i)));
        }
        if (status) {
            entries.add(new LegendEntry("$SYS/… broker status", styleClass(STATUS)));
        }
        if (others) {
            entries.add(new LegendEntry("other topics", styleClass(OTHER)));
        }
        return List.copyOf(entries);
    }

    static String styleClass(int colour) {
        return colour == OTHER ? "topic-other" : colour == STATUS ? "topic-status" : "topic-" + colour;
    }

    /** One row of the legend. */
    record LegendEntry(String topic, String styleClass) {
        LegendEntry {
            java.util.Objects.requireNonNull(topic, "topic");
            java.util.Objects.requireNonNull(styleClass, "styleClass");
        }
    }
}

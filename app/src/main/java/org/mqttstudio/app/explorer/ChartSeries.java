package org.mqttstudio.app.explorer;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.OptionalDouble;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.ValueExtractor;
import org.mqttstudio.mqtt.Topics;

/**
 * One plotted series: the messages of a topic (or filter) turned into numbers by a {@link ValueExtractor}. Every
 * point of the time window is kept in a fixed ring (for export and the figures); the chart draws a decimated copy,
 * the lowest and highest value of each of {@link #BUCKETS} time slots of the window, so drawing costs the same at
 * 10 or 1 000 points a second. Slots are aligned to absolute time, so a point stays in its slot from frame to frame
 * and the line does not shimmer as the window moves. Touched on the FX thread.
 */
final class ChartSeries {
    /** Points one series keeps at most (a 60 s window at 1 000 points/s), whatever the window and the rate. */
    static final int MAX_POINTS = 60_000;
    /** Time slots of the window drawn: a chart is well under 1 000 pixels wide, two points per slot at most. */
    static final int BUCKETS = 500;

    private final String filter;
    private final ValueExtractor extractor;
    private final DoubleDataSet shown;
    private final double[] times = new double[MAX_POINTS];
    private final double[] values = new double[MAX_POINTS];
    private final double[] shownTimes = new double[2 * BUCKETS + 2];
    private final double[] shownValues = new double[2 * BUCKETS + 2];
    private int head;
    private int size;
    private double windowSeconds;
    private boolean changed;
    private long skipped;

    ChartSeries(String filter, ValueExtractor extractor, double windowSeconds) {
        Topics.filterProblem(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("topic or filter '" + filter + "': " + problem);
        });
        this.filter = filter;
        this.extractor = extractor;
        this.windowSeconds = windowSeconds;
        this.shown = new DoubleDataSet(label(), 2 * BUCKETS + 2);
    }

    String label() {
        return filter + (extractor instanceof ValueExtractor.FirstNumber ? "" : " " + extractor);
    }

    /** Keeps a message's value when its topic matches and it holds a number; the oldest point goes when full. */
    void offer(ExplorerMessage message) {
        if (!Topics.matches(filter, message.topic())) {
            return;
        }
        OptionalDouble value = extractor.extract(message.payload());
        if (value.isEmpty()) {
            skipped++;
            return;
        }
        int at = (head + size) % MAX_POINTS;
        if (size == MAX_POINTS) {
            head = (head + 1) % MAX_POINTS; // faster than 1 000 points/s for a whole minute: the oldest go early
        } else {
            size++;
        }
        times[at] = message.receivedAt().toEpochMilli() / 1000.0;
        values[at] = value.getAsDouble();
        changed = true;
    }

    /** Drops the points older than the window and hands the chart the decimated window, once per frame at most. */
    void flush() {
        if (!changed) {
            return;
        }
        changed = false;
        expire();
        shown.set(shownTimes, shownValues, decimate(), false);
    }

    private void expire() {
        if (size == 0) {
            return;
        }
        double oldest = time(size - 1) - windowSeconds;
        while (size > 0 && times[head] < oldest) {
            head = (head + 1) % MAX_POINTS;
            size--;
        }
    }

    /** Fills the shown arrays: every point when few, else each slot's lowest and highest, in time order. */
    private int decimate() {
        if (size <= 2 * BUCKETS) {
            for (int i = 0; i < size; i++) {
                shownTimes[i] = time(i);
                shownValues[i] = value(i);
            }
            return size;
        }
        double slot = windowSeconds / BUCKETS;
        int n = 0;
        int i = 0;
        while (i < size) {
            long bucket = (long) Math.floor(time(i) / slot);
            int low = i;
            int high = i;
            for (i++; i < size && (long) Math.floor(time(i) / slot) == bucket; i++) {
                if (value(i) < value(low)) {
                    low = i;
                } else if (value(i) > value(high)) {
                    high = i;
                }
            }
            int first = Math.min(low, high);
            int second = Math.max(low, high);
            if (n + 2 > shownTimes.length) {
                break; // the window was just shortened: the rest is expired on the next frame
            }
            shownTimes[n] = time(first);
            shownValues[n++] = value(first);
            if (second != first) {
                shownTimes[n] = time(second);
                shownValues[n++] = value(second);
            }
        }
        return n;
    }

    void setWindow(double seconds) {
        windowSeconds = seconds;
        changed = true;
        flush();
    }

    /** What the chart draws. */
    DoubleDataSet data() {
        return shown;
    }

    /** Messages of this topic without a number in them (shown, so an empty series explains itself). */
    long skipped() {
        return skipped;
    }

    /** Points kept (the window's, at most {@link #MAX_POINTS}). */
    int points() {
        return size;
    }

    /** Points handed to the chart. */
    int pointsShown() {
        return shown.getDataCount();
    }

    double value(int index) {
        return values[(head + index) % MAX_POINTS];
    }

    /** A kept point's time, seconds since the epoch. */
    double time(int index) {
        return times[(head + index) % MAX_POINTS];
    }
}

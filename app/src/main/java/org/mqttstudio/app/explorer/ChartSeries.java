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
    private final double[] shownTimes = new double[2 * BUCKETS + 8];
    private final double[] shownValues = new double[2 * BUCKETS + 8];
    private int head;
    private int size;
    private double windowSeconds;
    /** The zoomed time range (seconds since the epoch), NaN when the whole window is shown. */
    private double zoomFrom = Double.NaN;
    private double zoomTo = Double.NaN;
    private boolean changed;
    private long skipped;

    ChartSeries(String filter, ValueExtractor extractor, double windowSeconds) {
        Topics.filterProblem(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("topic or filter '" + filter + "': " + problem);
        });
        this.filter = filter;
        this.extractor = extractor;
        this.windowSeconds = windowSeconds;
        this.shown = new DoubleDataSet(label(), shownTimes.length);
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

    /**
     * Fills the shown arrays: every point when few, else each slot's lowest and highest, in time order. Zoomed, the
     * slots divide the zoomed range (so zooming in shows more detail, down to every point) and the points just
     * outside it are kept, so the lines run to the edges.
     */
    private int decimate() {
        if (size == 0) {
            return 0;
        }
        boolean zoomed = !Double.isNaN(zoomFrom);
        int first = zoomed ? Math.max(0, firstAtOrAfter(zoomFrom) - 1) : 0;
        int last = zoomed ? Math.min(size - 1, firstAtOrAfter(zoomTo)) : size - 1;
        if (last - first + 1 <= 2 * BUCKETS) {
            for (int i = first; i <= last; i++) {
                shownTimes[i - first] = time(i);
                shownValues[i - first] = value(i);
            }
            return last - first + 1;
        }
        double slot = (zoomed ? zoomTo - zoomFrom : windowSeconds) / BUCKETS;
        int n = 0;
        int i = first;
        while (i <= last) {
            long bucket = (long) Math.floor(time(i) / slot);
            int low = i;
            int high = i;
            for (i++; i <= last && (long) Math.floor(time(i) / slot) == bucket; i++) {
                if (value(i) < value(low)) {
                    low = i;
                } else if (value(i) > value(high)) {
                    high = i;
                }
            }
            if (n + 2 > shownTimes.length) {
                break; // the window was just shortened: the rest is expired on the next frame
            }
            int early = Math.min(low, high);
            int late = Math.max(low, high);
            shownTimes[n] = time(early);
            shownValues[n++] = value(early);
            if (late != early) {
                shownTimes[n] = time(late);
                shownValues[n++] = value(late);
            }
        }
        return n;
    }

    /** The index of the first kept point at or after {@code t} ({@link #points()} when none): times only rise. */
    private int firstAtOrAfter(double t) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time(middle) < t) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Shows the time range {@code from}–{@code to} (seconds since the epoch) in full detail, as far as it has. */
    void zoom(double from, double to) {
        zoomFrom = from;
        zoomTo = to;
        changed = true;
    }

    /** Shows the whole window again. */
    void unzoom() {
        changed |= !Double.isNaN(zoomFrom);
        zoomFrom = Double.NaN;
        zoomTo = Double.NaN;
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

package org.mqttstudio.app.explorer;

import io.fair_acc.dataset.spi.FifoDoubleErrorDataSet;
import java.util.OptionalDouble;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.ValueExtractor;
import org.mqttstudio.mqtt.Topics;

/**
 * One plotted series: the messages of a topic (or filter) turned into numbers by a {@link ValueExtractor}, kept for
 * the chart's time window. Points of one frame are added to the data set in one call; touched on the FX thread.
 */
final class ChartSeries {
    /** Points one series keeps at most (a 60 s window at 1 000 points/s), whatever the window and the rate. */
    static final int MAX_POINTS = 60_000;

    private final String filter;
    private final ValueExtractor extractor;
    private final FifoDoubleErrorDataSet data;
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int pending;
    private long skipped;

    ChartSeries(String filter, ValueExtractor extractor, double windowSeconds) {
        Topics.filterProblem(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("topic or filter '" + filter + "': " + problem);
        });
        this.filter = filter;
        this.extractor = extractor;
        this.data = new FifoDoubleErrorDataSet(label(), 1024, windowSeconds);
    }

    String label() {
        return filter + (extractor instanceof ValueExtractor.FirstNumber ? "" : " " + extractor);
    }

    /** Takes a message's value for the next {@link #flush()} when its topic matches and it holds a number. */
    void offer(ExplorerMessage message) {
        if (!Topics.matches(filter, message.topic())) {
            return;
        }
        OptionalDouble value = extractor.extract(message.payload());
        if (value.isEmpty()) {
            skipped++;
            return;
        }
        if (pending == MAX_POINTS) {
            return; // a paused chart keeps the first points of its window; the window expires the rest anyway
        }
        if (pending == xs.length) {
            xs = java.util.Arrays.copyOf(xs, xs.length * 2);
            ys = java.util.Arrays.copyOf(ys, ys.length * 2);
        }
        xs[pending] = message.receivedAt().toEpochMilli() / 1000.0;
        ys[pending] = value.getAsDouble();
        pending++;
    }

    /** Adds the points taken since the last flush, in one call (one redraw). */
    void flush() {
        if (pending == 0) {
            return;
        }
        double[] none = new double[pending];
        data.add(java.util.Arrays.copyOf(xs, pending), java.util.Arrays.copyOf(ys, pending), none, none);
        pending = 0;
        int over = data.getDataCount() - MAX_POINTS;
        if (over > 0) { // faster than 1 000 points/s for the whole window: the oldest go early
            data.expire(time(over) + data.getMaxDistance());
        }
    }

    void setWindow(double seconds) {
        data.setMaxDistance(seconds);
    }

    FifoDoubleErrorDataSet data() {
        return data;
    }

    /** Messages of this topic without a number in them (shown, so an empty series explains itself). */
    long skipped() {
        return skipped;
    }

    int points() {
        return data.getDataCount();
    }

    double value(int index) {
        return data.get(1, index);
    }

    double time(int index) {
        return data.get(0, index);
    }
}

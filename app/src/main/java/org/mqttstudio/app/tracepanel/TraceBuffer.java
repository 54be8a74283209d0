package org.mqttstudio.app.tracepanel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the trace, on the FX thread: the latest {@code capacity} rows (oldest dropped), and the ones the filter
 * lets through, in order. Paused, arrivals are still kept (and counted) but the shown list holds still until resumed.
 */
final class TraceBuffer {
    private final int capacity;
    private final ArrayDeque<TraceRow> all;
    private final RowRing shown;
    private final ObservableList<TraceRow> shownView;
    private final ReadOnlyLongWrapper unseen = new ReadOnlyLongWrapper();
    private TraceFilter filter = TraceFilter.NONE;
    private boolean paused;

    TraceBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the trace must keep at least one row: " + capacity);
        }
        this.capacity = capacity;
        this.all = new ArrayDeque<>(Math.min(capacity, 16_384));
        this.shown = new RowRing(capacity);
        this.shownView = FXCollections.unmodifiableObservableList(shown);
    }

    int capacity() {
        return capacity;
    }

    /** Appends one batch: one change of the shown list for the new rows, one for the rows dropped at its head. */
    void add(List<TraceRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<TraceRow> fresh = rows.size() > capacity ? rows.subList(rows.size() - capacity, rows.size()) : rows;
        for (TraceRow row : fresh) {
            if (all.size() == capacity) {
                all.removeFirst();
            }
            all.addLast(row);
        }
        if (paused) {
            unseen.set(unseen.get() + rows.size());
            return;
        }
        List<TraceRow> passing = new ArrayList<>(fresh.size());
        for (TraceRow row : fresh) {
            if (filter.test(row)) {
                passing.add(row);
            }
        }
        // the shown rows that fell out of the buffer are the oldest, at the head
        long oldest = all.peekFirst().sequence();
        int gone = 0;
        while (gone < shown.size() && shown.get(gone).sequence() < oldest) {
            gone++;
        }
        shown.removeHead(gone);
        shown.append(passing);
    }

    /** Applies {@code next} to every kept row; paused, this also shows the rows that came meanwhile. */
    void setFilter(TraceFilter next) {
        filter = next;
        unseen.set(0);
        refill();
    }

    TraceFilter filter() {
        return filter;
    }

    void setPaused(boolean pause) {
        if (pause == paused) {
            return;
        }
        paused = pause;
        if (!pause) {
            unseen.set(0);
            refill();
        }
    }

    boolean paused() {
        return paused;
    }

    /** Rows that arrived while paused. */
    ReadOnlyLongProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    void clear() {
        all.clear();
        shown.replace(List.of());
        unseen.set(0);
    }

    private void refill() {
        List<TraceRow> passing = new ArrayList<>();
        for (TraceRow row : all) {
            if (filter.test(row)) {
                passing.add(row);
            }
        }
        shown.replace(passing);
    }

    /** The rows the table shows, read-only. */
    ObservableList<TraceRow> shown() {
        return shownView;
    }

    /** Every row kept, oldest first (a copy). */
    List<TraceRow> all() {
        return List.copyOf(all);
    }

    int size() {
        return all.size();
    }
}

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
    private final ObservableList<TraceRow> shown = FXCollections.observableArrayList();
    private final ObservableList<TraceRow> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyLongWrapper unseen = new ReadOnlyLongWrapper();
    private TraceFilter filter = TraceFilter.NONE;
    private boolean paused;

    TraceBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the trace must keep at least one row: " + capacity);
        }
        this.capacity = capacity;
        this.all = new ArrayDeque<>(Math.min(capacity, 16_384));
    }

    int capacity() {
        return capacity;
    }

    /** Appends one batch: one change of the shown list for the new rows, one for the rows dropped at its head. */
    void add(List<TraceRow> rows) {
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
        if (!passing.isEmpty()) {
            shown.addAll(passing);
        }
        dropGone();
    }

    /** Removes the shown rows that fell out of the buffer (they are the oldest, at the head). */
    private void dropGone() {
        long oldest = all.isEmpty() ? Long.MAX_VALUE : all.peekFirst().sequence();
        int gone = 0;
        while (gone < shown.size() && shown.get(gone).sequence() < oldest) {
            gone++;
        }
        if (gone > 0) {
            shown.remove(0, gone);
        }
    }

    void setFilter(TraceFilter next) {
        filter = next;
        if (!paused) {
            refill();
        }
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
        shown.clear();
        unseen.set(0);
    }

    private void refill() {
        List<TraceRow> passing = new ArrayList<>();
        for (TraceRow row : all) {
            if (filter.test(row)) {
                passing.add(row);
            }
        }
        shown.setAll(passing);
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

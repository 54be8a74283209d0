package org.mqttstudio.app.tracepanel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable list of at most {@code capacity} rows in a ring: appending drops the oldest rows in O(rows
 * moved), reported as one change (removed at the head, added at the tail). JavaFX's own list removes a range one
 * element at a time, each shifting the whole array: at 20 000 rows a frame that alone stalled the FX thread for a second.
 */
final class RowRing extends ObservableListBase<TraceRow> {
    private final TraceRow[] slots;
    private int head;
    private int size;

    RowRing(int capacity) {
        slots = new TraceRow[capacity];
    }

    @Override
    public TraceRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return slots[(head + index) % slots.length];
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends {@code rows} (the last {@code capacity} of them), dropping as many of the oldest as needed. */
    void append(List<TraceRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<TraceRow> fresh = rows.size() > slots.length ? rows.subList(rows.size() - slots.length, rows.size()) : rows;
        int drop = Math.max(0, size + fresh.size() - slots.length);
        beginChange();
        dropHead(drop);
        int from = size;
        for (TraceRow row : fresh) {
            slots[(head + size) % slots.length] = row;
            size++;
        }
        nextAdd(from, size);
        endChange();
    }

    /** Drops the {@code count} oldest rows. */
    void removeHead(int count) {
        if (count <= 0) {
            return;
        }
        beginChange();
        dropHead(Math.min(count, size));
        endChange();
    }

    private void dropHead(int count) {
        if (count == 0) {
            return;
        }
        List<TraceRow> removed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            removed.add(slots[head]);
            slots[head] = null;
            head = (head + 1) % slots.length;
        }
        size -= count;
        nextRemove(0, removed);
    }

    /** Replaces everything (a new filter, a clear). */
    void replace(Collection<TraceRow> rows) {
        List<TraceRow> removed = new ArrayList<>(this);
        List<TraceRow> fresh = new ArrayList<>(rows);
        if (fresh.size() > slots.length) {
            fresh = fresh.subList(fresh.size() - slots.length, fresh.size());
        }
        beginChange();
        java.util.Arrays.fill(slots, null);
        head = 0;
        size = 0;
        if (!removed.isEmpty()) {
            nextRemove(0, removed);
        }
        for (TraceRow row : fresh) {
            slots[size++] = row;
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }
}

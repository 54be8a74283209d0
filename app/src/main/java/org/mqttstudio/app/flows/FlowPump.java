package org.mqttstudio.app.flows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.mqttstudio.trace.FlowReader;
import org.mqttstudio.trace.FlowSource;
import org.mqttstudio.trace.MessageFlow;

/**
 * Drains a run's flows on a thread of its own, formats them into {@link FlowRow}s there, and hands the FX thread
 * one batch per frame: a {@link Platform#runLater} is only asked for when none is pending, and what arrives
 * meanwhile joins the pending batch (a newer row of a flow replaces its older one). Both the reader and the pending
 * batch are bounded by {@code backlog}; what falls behind drops the oldest flows first.
 */
public final class FlowPump implements AutoCloseable {
    private static final long FRAME_MS = 16;

    private final FlowReader reader;
    private final Participants participants;
    private final Consumer<List<FlowRow>> onFx;
    private final int backlog;
    private final Thread thread;
    private final Object lock = new Object();
    // guarded by lock
    private LinkedHashMap<Long, FlowRow> pending = new LinkedHashMap<>();
    private boolean scheduled;
    private volatile boolean closed;

    /**
     * @param onFx gets each batch on the FX thread, oldest flow first
     */
    public FlowPump(FlowSource flows, Participants participants, int backlog, Consumer<List<FlowRow>> onFx) {
        this.reader = flows.reader(backlog);
        this.participants = Objects.requireNonNull(participants, "participants");
        this.onFx = Objects.requireNonNull(onFx, "onFx");
        this.backlog = backlog;
        this.thread = new Thread(this::pump, "flow-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump() {
        try {
            while (!closed) {
                List<MessageFlow> flows = reader.poll(backlog);
                if (!flows.isEmpty()) {
                    List<FlowRow> rows = new ArrayList<>(flows.size());
                    for (MessageFlow flow : flows) {
                        rows.add(FlowRow.of(flow, participants));
                    }
                    offer(rows);
                }
                Thread.sleep(FRAME_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
        }
    }

    private void offer(List<FlowRow> rows) {
        boolean schedule;
        synchronized (lock) {
            for (FlowRow row : rows) {
                pending.put(row.id(), row);
            }
            for (Iterator<Long> oldest = pending.keySet().iterator(); pending.size() > backlog; ) {
                oldest.next();
                oldest.remove();
            }
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            Platform.runLater(this::deliver);
        }
    }

    private void deliver() {
        List<FlowRow> batch;
        synchronized (lock) {
            batch = List.copyOf(pending.values());
            pending = new LinkedHashMap<>();
            scheduled = false;
        }
        if (!closed && !batch.isEmpty()) {
            onFx.accept(batch);
        }
    }

    /** How many flow events the reader lost because the pump fell a whole backlog behind. */
    public long lostCount() {
        return reader.lostCount();
    }

    /** Stops the thread and closes the reader; batches still pending are not delivered. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

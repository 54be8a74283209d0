package org.mqttstudio.app.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.mqttstudio.app.tracepanel.RowFormatter;
import org.mqttstudio.app.tracepanel.TraceRow;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.runtime.EventFeed;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.trace.PacketReader;
import org.mqttstudio.trace.TraceEntry;

/**
 * The one thread between a run and the window: it drains the packet reader, the status and the delivery feeds,
 * formats rows, and hands the FX thread one immutable {@link LiveBatch} at a time. While the FX thread has not taken a
 * batch yet, new events join the pending one (so there is at most one hand-over queued, however fast packets come),
 * and the pending rows are bounded: beyond {@code maxRows} the oldest are dropped, as the table would drop them.
 */
public final class LivePump implements AutoCloseable {
    /** About one frame: the pump hands over at most this often. */
    private static final long FRAME_NANOS = 16_000_000;
    private static final int POLL = 8192;

    private final PacketReader packets;
    private final EventFeed.Subscription<NodeStatus> statuses;
    private final EventFeed.Subscription<Delivery> deliveries;
    private final RowFormatter formatter;
    private final Executor fxThread;
    private final Consumer<LiveBatch> sink;
    private final int maxRows;
    private final Thread thread;
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private volatile boolean running = true;

    // guarded by this: what the FX thread has not taken yet
    private final ArrayDeque<TraceRow> pendingRows = new ArrayDeque<>();
    private final List<NodeStatus> pendingStatuses = new ArrayList<>();
    private final Map<String, Long> received = new HashMap<>();

    /**
     * @param fxThread runs the hand-over on the FX thread ({@code Platform::runLater})
     * @param sink     gets each batch, on the FX thread
     * @param maxRows  rows kept pending at most (the table's capacity)
     */
    public LivePump(PacketReader packets, EventFeed.Subscription<NodeStatus> statuses,
            EventFeed.Subscription<Delivery> deliveries, RowFormatter formatter, Executor fxThread,
            Consumer<LiveBatch> sink, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        this.packets = packets;
        this.statuses = statuses;
        this.deliveries = deliveries;
        this.formatter = formatter;
        this.fxThread = fxThread;
        this.sink = sink;
        this.maxRows = maxRows;
        this.thread = new Thread(this::run, "live-pump");
        thread.setDaemon(true);
    }

    public LivePump start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            long frameStart = System.nanoTime();
            drainOnce();
            long rest = FRAME_NANOS - (System.nanoTime() - frameStart);
            if (rest > 0) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Reads what is there now (bounded per frame so that a flood cannot keep the hand-over waiting). */
    private void drainOnce() {
        List<TraceRow> rows = new ArrayList<>();
        for (int polls = 0; polls < maxRows / POLL + 1; polls++) {
            List<TraceEntry> entries = packets.poll(POLL);
            for (TraceEntry entry : entries) {
                rows.add(formatter.format(entry));
            }
            if (entries.size() < POLL) {
                break;
            }
        }
        List<NodeStatus> changed = statuses.poll(Integer.MAX_VALUE);
        List<Delivery> arrived = deliveries.poll(Integer.MAX_VALUE);
        if (rows.isEmpty() && changed.isEmpty() && arrived.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (TraceRow row : rows) {
                if (pendingRows.size() == maxRows) {
                    pendingRows.removeFirst();
                }
                pendingRows.addLast(row);
            }
            pendingStatuses.addAll(changed);
            arrived.forEach(d -> received.merge(d.subscriberId(), 1L, Long::sum));
        }
        if (handOverQueued.compareAndSet(false, true)) {
            fxThread.execute(this::handOver);
        }
    }

    /** On the FX thread: takes everything pending as one batch. */
    private void handOver() {
        LiveBatch batch;
        synchronized (this) {
            handOverQueued.set(false);
            batch = new LiveBatch(new ArrayList<>(pendingRows), pendingStatuses, received);
            pendingRows.clear();
            pendingStatuses.clear();
        }
        sink.accept(batch);
    }

    /** Packets the reader lost because the pump fell behind (shown as gap rows too). */
    public long lostCount() {
        return packets.lostCount();
    }

    /**
     * Stops the thread, hands over what is left (the last status changes of a stopped run), and closes the reader and
     * subscriptions. Not on the FX thread's behalf: call it from the thread that stopped the run.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            drainOnce();
        }
        packets.close();
        statuses.close();
        deliveries.close();
    }
}

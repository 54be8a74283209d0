package org.mqttstudio.app.animation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mqttstudio.trace.FlowReader;
import org.mqttstudio.trace.MessageFlow;

/**
 * The thread between a run's flows and the canvas: it drains a {@link FlowReader} about once a frame, lets the
 * {@link DotScheduler} count and schedule there, and hands the FX thread one {@link FlowFrame} at a time (a new
 * hand-over is asked for only when the last one was taken; what comes meanwhile joins the pending frame). Edge
 * states and the legend are refreshed a few times a second, which is as often as a label can be read.
 */
final class FlowDotPump implements AutoCloseable {
    private static final long FRAME_NANOS = 16_000_000L;
    private static final long STATES_NANOS = 200_000_000L;

    private final FlowReader reader;
    private final DotScheduler scheduler;
    private final Supplier<AnimationSpeed> speed;
    private final Executor fxThread;
    private final Consumer<FlowFrame> sink;
    private final int backlog;
    private final int maxPending;
    private final Thread thread;
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private volatile boolean running = true;
    private long statesAt;

    // guarded by this: what the FX thread has not taken yet (the scheduler bounds the dots in flight)
    private List<Dot> pendingDots = new ArrayList<>();
    private List<EdgeState> pendingStates = List.of();
    private List<TopicColors.LegendEntry> pendingLegend = List.of();

    FlowDotPump(FlowReader reader, DotScheduler scheduler, Supplier<AnimationSpeed> speed, Executor fxThread,
            Consumer<FlowFrame> sink, int backlog, int maxPending) {
        this.reader = reader;
        this.scheduler = scheduler;
        this.speed = speed;
        this.fxThread = fxThread;
        this.sink = sink;
        this.backlog = backlog;
        this.maxPending = maxPending;
        this.thread = new Thread(this::run, "flow-dot-pump");
        thread.setDaemon(true);
    }

    FlowDotPump start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                long frameStart = System.nanoTime();
                drainOnce(frameStart);
                long rest = FRAME_NANOS - (System.nanoTime() - frameStart);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
        }
    }

    private void drainOnce(long now) {
        List<MessageFlow> flows = reader.poll(backlog);
        AnimationSpeed current = speed.get();
        List<Dot> dots = new ArrayList<>();
        for (MessageFlow flow : flows) {
            dots.addAll(scheduler.accept(flow, now, current));
        }
        List<EdgeState> states = List.of();
        List<TopicColors.LegendEntry> legend = List.of();
        if (now - statesAt >= STATES_NANOS) {
            statesAt = now;
            states = scheduler.states(java.time.Instant.now());
            legend = scheduler.legend();
        }
        if (dots.isEmpty() && states.isEmpty()) {
            return;
        }
        synchronized (this) {
            pendingDots.addAll(dots);
            if (pendingDots.size() > maxPending) { // the FX thread is far behind: what ended need not reach it
                pendingDots.removeIf(dot -> dot.endNanos() <= now);
                pendingDots = new ArrayList<>(pendingDots.subList(Math.max(0, pendingDots.size() - maxPending),
                        pendingDots.size()));
            }
            if (!states.isEmpty()) {
                pendingStates = states;
                pendingLegend = legend;
            }
        }
        if (handOverQueued.compareAndSet(false, true)) {
            fxThread.execute(this::handOver);
        }
    }

    /** On the FX thread: everything pending as one frame. */
    private void handOver() {
        FlowFrame frame;
        synchronized (this) {
            handOverQueued.set(false);
            frame = new FlowFrame(pendingDots, pendingStates, pendingLegend);
            pendingDots = new ArrayList<>();
            pendingStates = List.of();
            pendingLegend = List.of();
        }
        if (running) {
            sink.accept(frame);
        }
    }

    /** Flow events the reader lost because the pump fell a whole backlog behind. */
    long lostCount() {
        return reader.lostCount();
    }

    /** Stops the thread (it closes the reader); frames still pending are not delivered. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

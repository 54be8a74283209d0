package org.mqttstudio.app.run;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.mqttstudio.app.live.LiveBatch;
import org.mqttstudio.app.live.LivePump;
import org.mqttstudio.app.tracepanel.RowFormatter;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Topology;

/**
 * One run of one topology snapshot: the runner, and the pump that brings its packets, status changes and deliveries
 * to the window. Start and stop happen on the runner's own threads and never block the caller; the returned futures
 * complete there, not on the FX thread.
 */
public final class RunSession {
    private final Topology topology;
    private final TopologyRunner runner;
    private final LivePump pump;
    private final CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;

    private RunSession(Topology topology, TopologyRunner runner, LivePump pump) {
        this.topology = topology;
        this.runner = runner;
        this.pump = pump;
        this.started = runner.startAsync();
    }

    /**
     * Creates the runner, subscribes to everything it will report (before it starts, so nothing is missed) and starts
     * it.
     *
     * @param fxThread runs the hand-overs on the FX thread
     * @param batches  gets every batch on the FX thread
     * @param maxRows  the trace's capacity: rows the pump keeps pending at most
     * @param created  told the runner before it starts, so other views subscribe to it in time (FX thread)
     * @throws IllegalArgumentException when the port offset moves a port outside 1..65535
     * @throws IllegalStateException    when mosquitto is asked for and not installed
     */
    public static RunSession start(Topology topology, RunOptions options, Executor fxThread,
            Consumer<LiveBatch> batches, int maxRows, Consumer<TopologyRunner> created) {
        TopologyRunner runner = TopologyRunner.create(topology, options);
        created.accept(runner);
        LivePump pump = new LivePump(runner.packets().reader(maxRows), runner.statusFeed().subscribe(100_000),
                runner.deliveryFeed().subscribe(1_000_000), new RowFormatter(Instant.now(), topology::nameOf),
                fxThread, batches, maxRows).start();
        return new RunSession(topology, runner, pump);
    }

    /** The topology as it was when Run was pressed: what runs, whatever the canvas shows now. */
    public Topology topology() {
        return topology;
    }

    public TopologyRunner runner() {
        return runner;
    }

    public RunOptions options() {
        return runner.options();
    }

    /**
     * Completes once the brokers listen (bridges and clients keep connecting after that); with a
     * {@link java.util.concurrent.CancellationException} when a stop came first.
     */
    public CompletableFuture<Void> started() {
        return started;
    }

    /**
     * Stops the run, also while it is still starting (the runner halts its start at the next element), then the pump,
     * which hands over the last status changes first; completes when every port is released. Calling it again
     * returns the same future.
     */
    public synchronized CompletableFuture<Void> stop() {
        if (stopped == null) {
            stopped = runner.stopAsync().whenComplete((done, failure) -> pump.close());
        }
        return stopped;
    }
}

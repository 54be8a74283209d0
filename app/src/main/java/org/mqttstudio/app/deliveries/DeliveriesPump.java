package org.mqttstudio.app.deliveries;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.runtime.EventFeed;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Topology;

/**
 * Polls a run's delivery figures on a thread of its own, {@link #PERIOD_MS} apart: the runner's summary (linear in
 * publishers, subscribers and topics, not in messages) and the deliveries since the last poll for the latest
 * payloads. Each poll becomes one {@link DeliveriesSnapshot}; a {@link Platform#runLater} is asked for only when
 * none is pending, and a newer snapshot replaces a pending one. {@link #close} makes one last poll, marked over,
 * so that the view keeps the run's final figures.
 */
public final class DeliveriesPump implements AutoCloseable {
    static final long PERIOD_MS = 250;
    /** Deliveries queued between two polls; beyond, the latest payloads miss some (the counts never do). */
    static final int FEED_CAPACITY = 20_000;
    static final int PAYLOADS_PER_SUBSCRIBER = 50;

    private final TopologyRunner runner;
    private final Topology topology;
    private final Consumer<DeliveriesSnapshot> onFx;
    private final EventFeed.Subscription<Delivery> feed;
    private final LastPayloads last;
    private final AtomicReference<DeliveriesSnapshot> pending = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closing;

    /** Subscribes to the run's deliveries at once (call it before the run starts); {@code onFx} gets snapshots. */
    public DeliveriesPump(TopologyRunner runner, Consumer<DeliveriesSnapshot> onFx) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.topology = runner.topology();
        this.onFx = Objects.requireNonNull(onFx, "onFx");
        this.feed = runner.deliveryFeed().subscribe(FEED_CAPACITY);
        this.last = new LastPayloads(topology, PAYLOADS_PER_SUBSCRIBER);
        this.thread = new Thread(this::pump, "deliveries-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump() {
        try {
            while (!closing) {
                offer(poll(false));
                Thread.sleep(PERIOD_MS);
            }
        } catch (InterruptedException e) {
            // closing: the last poll follows
        } finally {
            try {
                offer(poll(true));
            } finally {
                feed.close();
            }
        }
    }

    private DeliveriesSnapshot poll(boolean over) {
        List<Delivery> arrived;
        while (!(arrived = feed.poll(FEED_CAPACITY)).isEmpty()) {
            arrived.forEach(last::add);
        }
        return new DeliveriesSnapshot(DeliveryTotals.of(runner.summary(), topology), last.newestFirst(), over);
    }

    private void offer(DeliveriesSnapshot snapshot) {
        if (pending.getAndSet(snapshot) == null) {
            Platform.runLater(() -> onFx.accept(pending.getAndSet(null)));
        }
    }

    /** Stops polling after one last poll, handed over as the others; returns at once. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
    }
}

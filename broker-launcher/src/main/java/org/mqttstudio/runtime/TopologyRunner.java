package org.mqttstudio.runtime;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowCorrelator;
import org.mqttstudio.trace.FlowFeed;
import org.mqttstudio.trace.FlowSource;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketSource;
import org.mqttstudio.trace.Recorder;
import org.mqttstudio.trace.WireTap;

/**
 * Runs a topology: every broker node (embedded HiveMQ CE or a mosquitto process) on internal
 * loopback ports behind {@link WireTap}s on the node ports ({@link PortPlan}), then the bridges,
 * subscribers and publishers. Every tap feeds one {@link Recorder}, read through {@link #packets()};
 * one thread correlates the packets into {@link #flows()}; node status and deliveries are offered
 * to {@link EventFeed}s; nothing here blocks a network thread. One node that fails (say its port is
 * in use) is reported as FAILED and the others run. Never touches a UI.
 *
 * <p>The parts: {@link RunPlan} (ports, folder, start order), {@link BrokerLifecycle} (taps, brokers,
 * port retries, one broker's stop and start), {@link ClientLauncher} (bridges and simulated clients),
 * {@link ElementStatuses}, {@link LinkFaults}, {@link RunLifecycle} (start and stop once, a stop
 * during the start), {@link RunElements}.
 */
public final class TopologyRunner implements AutoCloseable {
    private static final Duration READY_MAX = Duration.ofSeconds(5);
    private static final Duration SETTLE_MAX = Duration.ofSeconds(2);
    private static final Duration SETTLE_QUIET = Duration.ofMillis(300);

    private final RunPlan plan;
    private final Topology topology;
    private final RouteTable routes;
    private final Recorder recorder;
    private final FlowFeed flows;
    private final ElementStatuses statuses;
    private final BrokerLifecycle brokers;
    private final ClientLauncher clients;
    private final LinkFaults faults;
    private final RunElements elements;
    private final RunLifecycle lifecycle = new RunLifecycle();
    private final EventFeed<Delivery> deliveryFeed = new EventFeed<>();
    private final DeliveryLedger ledger;

    private TopologyRunner(RunPlan plan) {
        this.plan = plan;
        this.topology = plan.topology();
        this.routes = new Router().routes(topology);
        this.ledger = new DeliveryLedger(topology, routes, Expectations.policyOf(plan.options().runtime()));
        this.recorder = new Recorder(plan.options().recorderCapacity());
        this.flows = new FlowFeed(new FlowCorrelator());
        this.statuses = new ElementStatuses(plan);
        this.brokers = new BrokerLifecycle(plan, statuses, this::onPacket);
        this.clients = new ClientLauncher(plan, statuses, brokers, this::onDelivery, ledger);
        this.faults = new LinkFaults(plan, brokers, statuses);
        this.elements = RunElements.of(topology, plan.options().hostname());
    }

    /**
     * A runner for the topology, not started yet: subscribe to its feeds, then {@link #start()}.
     *
     * @throws IllegalArgumentException when the port offset moves a port outside 1..65535
     * @throws IllegalStateException when the mosquitto runtime is asked for and mosquitto is missing
     * @throws UncheckedIOException when the run folder cannot be made
     */
    public static TopologyRunner create(Topology topology, RunOptions options) {
        return new TopologyRunner(RunPlan.of(topology, options));
    }

    /** {@link #create} and {@link #start()} in one. */
    public static TopologyRunner start(Topology topology, RunOptions options) {
        TopologyRunner runner = create(topology, options);
        runner.start();
        return runner;
    }

    // ---- start ----

    /**
     * Starts brokers (taps first, then the brokers behind them, bridge targets first), bridges,
     * subscribers and publishers; returns once the brokers listen (bridges and clients connect in
     * the background: watch {@link #statusFeed()}). A {@link #stop()} meanwhile (from another
     * thread) makes it return at the next element.
     *
     * @throws IllegalStateException when this run was started or stopped before
     */
    public void start() {
        lifecycle.beginStart();
        runStart();
        try {
            lifecycle.startDone().join();
        } catch (CancellationException stoppedMeanwhile) {
            // stop() was asked for while starting: what started is being stopped
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * {@link #start()} on a thread of its own; never blocks the caller. Progress comes per element
     * through {@link #statusFeed()} (STARTING, then RUNNING or FAILED with the reason). The future
     * completes once the brokers listen, or with a {@link CancellationException} when a stop came
     * first.
     *
     * @throws IllegalStateException when this run was started or stopped before
     */
    public CompletableFuture<Void> startAsync() {
        lifecycle.beginStart();
        Thread thread = new Thread(this::runStart, "runner-start");
        thread.setDaemon(true);
        thread.start();
        return lifecycle.startDone();
    }

    private void runStart() {
        try {
            flows.start();
            startAll();
            lifecycle.startEnded(null);
        } catch (RuntimeException | Error e) {
            lifecycle.startEnded(e);
        }
    }

    /** Runs the start's steps in order; a stop meanwhile halts it before the next one. */
    private void startAll() {
        for (Runnable step : startSteps()) {
            if (lifecycle.stopping()) {
                return;
            }
            step.run();
        }
    }

    /**
     * Taps, then the brokers behind them (bridge targets first), bridges, subscribers, a wait until
     * those are connected or failed (so that the first messages find someone listening), publishers.
     */
    private List<Runnable> startSteps() {
        List<BrokerSlot> order = plan.brokersTargetsFirst().stream().map(b -> brokers.slot(b.id())).toList();
        order.forEach(slot -> statuses.report(slot.id(), NodeStatus.State.STARTING, ""));
        List<Runnable> steps = new ArrayList<>();
        order.forEach(slot -> steps.add(() -> brokers.openTaps(slot)));
        order.forEach(slot -> steps.add(() -> {
            if (slot.tapsUp) {
                brokers.startInstance(slot);
            }
        }));
        topology.bridges().forEach(bridge -> steps.add(() -> clients.startBridge(bridge)));
        topology.subscribers().forEach(subscriber -> steps.add(() -> clients.startSubscriber(subscriber)));
        steps.add(() -> statuses.awaitSettled(plan.listenersBeforePublishers(), READY_MAX, lifecycle::stopping));
        topology.publishers().forEach(publisher -> steps.add(() -> clients.startPublisher(publisher)));
        return steps;
    }

    private void onPacket(PacketEvent event) {
        recorder.accept(event);
        flows.accept(event);
        statuses.onPacket(event);
    }

    private void onDelivery(Delivery delivery) {
        ledger.received(delivery);
        deliveryFeed.emit(delivery);
    }

    // ---- what a view reads ----

    public Topology topology() {
        return topology;
    }

    public RunOptions options() {
        return plan.options();
    }

    public PortPlan ports() {
        return plan.ports();
    }

    /** The folder the brokers' files are in. */
    public Path runDir() {
        return plan.runDir();
    }

    /**
     * Every packet every tap saw, read-only: readers with sequence numbers that say where they lost
     * packets, and a snapshot of the kept ones. Nobody outside the run appends or clears.
     */
    public PacketSource packets() {
        return recorder.view();
    }

    /**
     * The message flows the run's packets make up (see {@link FlowCorrelator}), put together on one
     * thread of the run's: a reader gets a flow each time it starts or changes.
     */
    public FlowSource flows() {
        return flows;
    }

    /**
     * The model element of a connection at one of the run's broker nodes, by the client id its tap
     * saw (a {@link PacketEvent}'s node and client id, a {@link org.mqttstudio.trace.FlowHop}'s):
     * a publisher, subscriber or bridge, an outside client, or the broker itself when the client id
     * is null.
     *
     * @throws IllegalArgumentException when the node is not one of the run's brokers
     */
    public RunElement element(String nodeId, String clientId) {
        return elements.element(nodeId, clientId);
    }

    /** Status changes of brokers, bridges and clients from now on. */
    public EventFeed<NodeStatus> statusFeed() {
        return statuses.feed();
    }

    /** Messages the simulated subscribers receive from now on. */
    public EventFeed<Delivery> deliveryFeed() {
        return deliveryFeed;
    }

    /** The latest status of every element that has one. */
    public Map<String, NodeStatus> statuses() {
        return statuses.all();
    }

    public Optional<NodeStatus> status(String elementId) {
        return statuses.of(elementId);
    }

    /** The latest PUBLISH packets the subscribers received, oldest first (at most DeliveryLedger.DEFAULT_RECENT). */
    public List<Delivery> deliveries() {
        return ledger.recent();
    }

    /** What was published, received, duplicated and lost so far; cheap: counts kept as the run goes. */
    public RunSummary summary() {
        return ledger.summary();
    }

    // ---- faults ----

    /**
     * Drops the connection of a publisher, subscriber or bridge (its remote side, at the tap in
     * front of the broker it connects to) and refuses it until {@link #restoreLink}.
     */
    public void cutLink(String elementId) {
        faults.cutLink(elementId);
    }

    public void restoreLink(String elementId) {
        faults.restoreLink(elementId);
    }

    /**
     * Delays both directions of a link by {@code latency} (zero removes it); for a broker id, of every
     * connection to that broker.
     */
    public void setLatency(String elementId, Duration latency) {
        faults.setLatency(elementId, latency);
    }

    /** Stops one broker (its taps stay, refusing nothing but finding no broker); completes when it is down. */
    public CompletableFuture<Void> stopBroker(String brokerId) {
        return brokers.stopBroker(brokerId);
    }

    /**
     * Starts a new instance of a stopped broker on the same node ports (new internal ones behind new
     * taps, which get the link faults set before), and its bridges on them; completes when it listens.
     *
     * @throws IllegalStateException once the run is stopping (a broker started then would outlive it)
     */
    public CompletableFuture<Void> startBroker(String brokerId) {
        if (lifecycle.stopping()) {
            throw new IllegalStateException("the run is stopping: " + topology.nameOf(brokerId) + " stays down");
        }
        return brokers.startBroker(brokerId).thenRun(() -> clients.restartBridgesOf(brokerId));
    }

    // ---- stop ----

    /**
     * Stops publishing, lets messages in flight arrive (up to 2 s), then stops clients, bridges,
     * taps and brokers in parallel: about one embedded broker's stop time in all. A start in
     * progress (on another thread) halts at its next element first. Safe to call again: a second
     * call waits for the first one's end.
     */
    public void stop() {
        if (lifecycle.beginStop()) {
            runStop();
        }
        lifecycle.stopDone().join();
    }

    /**
     * {@link #stop()} on a thread of its own; never blocks the caller. Works while a start is in
     * progress: the start halts at the next element, then everything started is stopped. The future
     * completes once every broker is down and every port released; the same end on every call.
     */
    public CompletableFuture<Void> stopAsync() {
        if (lifecycle.beginStop()) {
            Thread thread = new Thread(this::runStop, "runner-stop");
            thread.setDaemon(true);
            thread.start();
        }
        return lifecycle.stopDone();
    }

    private void runStop() {
        try {
            lifecycle.awaitStartEnd();
            clients.stopPublishing();
            settle();
            clients.stopAll();
            statuses.mosquittoBridgesStopped();
            brokers.stopAll();
            clients.shutdown();
            flows.close();
            plan.deleteOwnRunDir();
            statuses.stopRemaining();
            lifecycle.stopEnded(null);
        } catch (RuntimeException | Error e) {
            lifecycle.stopEnded(e);
        }
    }

    /** Waits until every expected message arrived, or no message arrived for a moment, at most 2 s. */
    private void settle() {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        long seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && ledger.missing() > 0) {
            long now = ledger.receivedCount();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > SETTLE_QUIET.toNanos()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}

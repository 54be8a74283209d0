package org.mqttstudio.runtime;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketSource;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.Recorder;
import org.mqttstudio.trace.TapConnection;
import org.mqttstudio.trace.WireTap;

/**
 * Runs a topology: every broker node (embedded HiveMQ CE or a mosquitto process) on internal
 * loopback ports behind {@link WireTap}s on the node ports ({@link PortPlan}), then the bridges,
 * subscribers and publishers. Every tap feeds one {@link Recorder}; node status and deliveries are
 * offered to {@link EventFeed}s; nothing here blocks a network thread. One node that fails (say its
 * port is in use) is reported as FAILED and the others run. Never touches a UI.
 */
public final class TopologyRunner implements AutoCloseable {
    private static final Duration READY_MAX = Duration.ofSeconds(5);
    private static final Duration SETTLE_MAX = Duration.ofSeconds(2);
    private static final Duration SETTLE_QUIET = Duration.ofMillis(300);
    private static final Duration CLIENT_STOP = Duration.ofSeconds(2);
    /** Starts of a broker whose internal port was taken each time: a third collision in a row is no race. */
    private static final int PORT_ATTEMPTS = 3;

    /** One broker node: its taps and the instance running now (a new one after each restart). */
    private static final class BrokerSlot {
        final Broker node;
        final List<WireTap> taps = new CopyOnWriteArrayList<>();
        /** The broker's ports behind the taps; new ones for each restart (the old ones linger in TIME_WAIT). */
        volatile Map<Listener, Integer> internalPorts;
        volatile Duration latency = Duration.ZERO;
        volatile BrokerInstance instance;
        volatile boolean tapsUp;
        volatile boolean running;

        BrokerSlot(Broker node, Map<Listener, Integer> internalPorts) {
            this.node = node;
            this.internalPorts = internalPorts;
        }
    }

    /** A cut or a delay on one client's or bridge's link, kept so that new taps get it too. */
    private record Fault(Link link, Duration latency, List<Runnable> undo) {
    }

    private final Topology topology;
    private final RunOptions options;
    private final Path runDir;
    private final boolean ownRunDir;
    private final PortPlan plan;
    private final RouteTable routes;
    private final Recorder recorder;
    /** Lets the embedded brokers know the local sides of this run's bridges. */
    private final LocalBridgeSecret bridgeSecret = LocalBridgeSecret.random();
    private final EventFeed<NodeStatus> statusFeed = new EventFeed<>();
    private final EventFeed<Delivery> deliveryFeed = new EventFeed<>();
    private final Map<String, NodeStatus> statuses = new ConcurrentHashMap<>();
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, BrokerSlot> brokers = new LinkedHashMap<>();
    /** mosquitto runs its own bridges: their status comes from the CONNACKs the taps see. */
    private final Map<String, String> bridgeByRemoteClientId;
    private final List<BridgeConnection> bridges = new CopyOnWriteArrayList<>();
    private final List<SimulatedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<SimulatedPublisher> publishers = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> cuts = new ConcurrentHashMap<>();
    private final Map<String, Fault> delays = new ConcurrentHashMap<>();
    private final EventLoopGroup tapGroup = new NioEventLoopGroup(2);
    private final ExecutorService clientExecutor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "runner-clients");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private TopologyRunner(Topology topology, RunOptions options, PortPlan plan, Path runDir, boolean ownRunDir) {
        this.topology = topology;
        this.options = options;
        this.runDir = runDir;
        this.ownRunDir = ownRunDir;
        this.plan = plan;
        this.routes = new Router().routes(topology);
        this.recorder = new Recorder(options.recorderCapacity());
        topology.brokers().forEach(b -> brokers.put(b.id(), new BrokerSlot(b, plan.internalPorts(b))));
        Map<String, String> bridgeIds = new HashMap<>();
        if (options.runtime() == RunOptions.Runtime.MOSQUITTO) {
            topology.bridges().forEach(b -> bridgeIds.put(b.effectiveRemoteClientId(options.hostname()), b.id()));
        }
        this.bridgeByRemoteClientId = Map.copyOf(bridgeIds);
    }

    /**
     * A runner for the topology, not started yet: subscribe to its feeds, then {@link #start()}.
     *
     * @throws IllegalArgumentException when the port offset moves a port outside 1..65535
     * @throws IllegalStateException when the mosquitto runtime is asked for and mosquitto is missing
     * @throws UncheckedIOException when the run folder cannot be made
     */
    public static TopologyRunner create(Topology topology, RunOptions options) {
        if (options.runtime() == RunOptions.Runtime.MOSQUITTO && MosquittoBroker.executable().isEmpty()) {
            throw new IllegalStateException(MosquittoBroker.NOT_INSTALLED);
        }
        PortPlan plan = PortPlan.of(topology, options.portOffset());
        Path runDir;
        try {
            runDir = options.runDir() == null ? Files.createTempDirectory("mqtt-studio-run-")
                    : Files.createDirectories(options.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder: " + e.getMessage(), e);
        }
        return new TopologyRunner(topology, options, plan, runDir, options.runDir() == null);
    }

    /** {@link #create} and {@link #start()} in one. */
    public static TopologyRunner start(Topology topology, RunOptions options) {
        TopologyRunner runner = create(topology, options);
        runner.start();
        return runner;
    }

    /**
     * Starts brokers (taps first, then the brokers behind them, bridge targets first), bridges,
     * subscribers and publishers; returns once the brokers listen (bridges and clients connect in
     * the background: watch {@link #statusFeed()}).
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this run was started before");
        }
        startAll();
    }

    /** {@link #start()} on a thread of its own: completes once the brokers listen; never blocks the caller. */
    public CompletableFuture<Void> startAsync() {
        return CompletableFuture.runAsync(this::start, task -> new Thread(task, "runner-start").start());
    }

    /** {@link #stop()} on a thread of its own: completes once every broker is down and every port released. */
    public CompletableFuture<Void> stopAsync() {
        return CompletableFuture.runAsync(this::stop, task -> new Thread(task, "runner-stop").start());
    }

    private void startAll() {
        List<BrokerSlot> order = targetsFirst();
        order.forEach(slot -> status(slot.node.id(), NodeStatus.State.STARTING, ""));
        order.forEach(this::openTaps);
        order.stream().filter(slot -> slot.tapsUp).forEach(this::startInstance);
        topology.bridges().forEach(this::startBridge);
        topology.subscribers().forEach(this::startSubscriber);
        awaitSettled(Stream.concat(topology.bridges().stream().map(Bridge::id),
                topology.subscribers().stream().map(Subscriber::id)).toList());
        topology.publishers().forEach(this::startPublisher);
    }

    /**
     * Waits (at most 5 s) until the bridges and subscribers are connected or have failed, so that the
     * first messages are not published before anyone listens.
     */
    private void awaitSettled(List<String> elementIds) {
        long deadline = System.nanoTime() + READY_MAX.toNanos();
        while (System.nanoTime() < deadline && elementIds.stream().map(statuses::get).anyMatch(
                s -> s == null || s.state() == NodeStatus.State.STARTING)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Bridge targets before their sources, so that mosquitto's bridges find their remote up at once. */
    private List<BrokerSlot> targetsFirst() {
        Map<String, Integer> depth = new HashMap<>();
        topology.brokers().forEach(b -> depth.put(b.id(), 0));
        for (int round = 0; round < topology.brokers().size(); round++) {
            for (Bridge b : topology.bridges()) {
                if (depth.containsKey(b.to())) {
                    depth.put(b.to(), Math.max(depth.get(b.to()), Math.min(depth.get(b.from()) + 1, 1000)));
                }
            }
        }
        return brokers.values().stream()
                .sorted(Comparator.comparing((BrokerSlot s) -> depth.get(s.node.id())).reversed()).toList();
    }

    private void openTaps(BrokerSlot slot) {
        for (Listener listener : slot.node.listeners()) {
            if (!plan.tapped(listener)) {
                continue;
            }
            int port = plan.nodePort(listener);
            try {
                slot.taps.add(WireTap.builder(slot.node.id(), new InetSocketAddress(PortPlan.HOST, port),
                                new InetSocketAddress(PortPlan.HOST, slot.internalPorts.get(listener)))
                        .sink(this::onPacket).eventLoopGroup(tapGroup).start());
            } catch (UncheckedIOException e) {
                slot.taps.forEach(WireTap::close);
                slot.taps.clear();
                status(slot.node.id(), NodeStatus.State.FAILED, e.getCause() instanceof BindException
                        || String.valueOf(e.getMessage()).contains("in use") ? "port " + port + " is in use"
                        : "cannot listen on port " + port + ": " + e.getMessage());
                return;
            }
        }
        slot.tapsUp = true;
        slot.taps.forEach(tap -> tap.setLatency(slot.latency));
        cuts.values().stream().filter(f -> f.link().brokerId().equals(slot.node.id())).forEach(this::applyCut);
        delays.values().stream().filter(f -> f.link().brokerId().equals(slot.node.id())).forEach(this::applyDelay);
    }

    private BrokerInstance newInstance(BrokerSlot slot) {
        return options.runtime() == RunOptions.Runtime.MOSQUITTO
                ? new MosquittoBroker(topology, slot.node, runDir, slot.internalPorts, plan)
                : BrokerInstance.of(new EmbeddedBroker(slot.node, runDir, slot.internalPorts,
                        ModelSecurity.of(slot.node),
                        BridgeConnection.privateClientIds(topology, slot.node.id(), options.hostname()),
                        DollarTopicDelivery.neededOn(topology, slot.node.id()), bridgeSecret));
    }

    /**
     * Starts the slot's broker; an internal port someone else took since {@link PortPlan} found it free
     * (another run in this JVM may be given the same one) is replaced by a new one, a few times at most.
     */
    private void startInstance(BrokerSlot slot) {
        for (int attempt = 1; ; attempt++) {
            BrokerInstance instance = newInstance(slot);
            slot.instance = instance;
            try {
                instance.start();
                slot.running = true;
                status(slot.node.id(), NodeStatus.State.RUNNING, "listening on " + describePorts(slot.node));
                return;
            } catch (BrokerStartException e) {
                if (attempt == PORT_ATTEMPTS || !internalPortTaken(slot, e)) {
                    status(slot.node.id(), NodeStatus.State.FAILED, withoutBrokerName(e.getMessage(), slot.node.id()));
                    return;
                }
                instance.stopAsync().join(); // frees the broker's folder for the next instance
                reopenTaps(slot);
                if (!slot.tapsUp) {
                    return;
                }
            }
        }
    }

    /** Whether the port in use is one the Studio chose behind a tap (a port the user never sees). */
    private boolean internalPortTaken(BrokerSlot slot, BrokerStartException e) {
        return e instanceof PortInUseException taken && slot.node.listeners().stream()
                .anyMatch(l -> plan.tapped(l) && slot.internalPorts.get(l) == taken.port());
    }

    /** New taps in front of new internal ports (the old ones may linger in TIME_WAIT or be someone else's). */
    private void reopenTaps(BrokerSlot slot) {
        slot.taps.forEach(WireTap::close);
        slot.taps.clear();
        slot.tapsUp = false;
        slot.internalPorts = plan.freshInternalPorts(slot.node);
        openTaps(slot);
    }

    private String describePorts(Broker node) {
        Map<Listener, Integer> internal = brokers.get(node.id()).internalPorts;
        return String.join(", ", node.listeners().stream().map(l -> plan.nodePort(l)
                + (plan.tapped(l) ? " (broker on " + internal.get(l) + ")" : " (" + l.protocol().word() + ")"))
                .toList());
    }

    private static String withoutBrokerName(String message, String id) {
        String prefix = "broker '" + id + "': ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private void startBridge(Bridge bridge) {
        BrokerSlot from = brokers.get(bridge.from());
        Optional<Endpoint> remote = plan.endpoint(bridge.to());
        if (!from.running) {
            status(bridge.id(), NodeStatus.State.FAILED, topology.nameOf(bridge.from()) + " is not running");
        } else if (remote.isEmpty()) {
            status(bridge.id(), NodeStatus.State.FAILED, topology.nameOf(bridge.to()) + " has no MQTT listener");
        } else if (options.runtime() == RunOptions.Runtime.MOSQUITTO) {
            if (!statuses.containsKey(bridge.id())) { // else the taps saw it connect already
                status(bridge.id(), NodeStatus.State.STARTING, "run by mosquitto on "
                        + topology.nameOf(bridge.from()) + ", connecting to " + remote.get());
            }
        } else {
            Listener local = from.node.mqttListener().orElseThrow();
            BridgeConnection connection = new BridgeConnection(bridge,
                    new Endpoint(PortPlan.HOST, from.internalPorts.get(local)), remote.get(), bridgeSecret,
                    options.hostname(), this::status);
            bridges.add(connection);
            connection.start();
        }
    }

    private void startSubscriber(Subscriber s) {
        clientEndpoint(s.id(), s.broker()).ifPresent(endpoint -> {
            SimulatedSubscriber subscriber =
                    new SimulatedSubscriber(s, endpoint, this::status, this::onDelivery, clientExecutor);
            subscribers.add(subscriber);
            subscriber.start();
        });
    }

    private void startPublisher(Publisher p) {
        Optional<String> badPayload = PayloadTemplate.problem(p.payload());
        if (badPayload.isPresent()) {
            status(p.id(), NodeStatus.State.FAILED, "payload: " + badPayload.get());
            return;
        }
        clientEndpoint(p.id(), p.broker()).ifPresent(endpoint -> {
            SimulatedPublisher publisher = new SimulatedPublisher(p, endpoint, options.seed(), this::status);
            publishers.add(publisher);
            publisher.start();
        });
    }

    private Optional<Endpoint> clientEndpoint(String clientId, String brokerId) {
        Optional<Endpoint> endpoint = plan.endpoint(brokerId);
        if (endpoint.isEmpty()) {
            status(clientId, NodeStatus.State.FAILED, topology.nameOf(brokerId) + " has no MQTT listener");
        }
        return endpoint;
    }

    private void onPacket(PacketEvent event) {
        recorder.accept(event);
        if (event.type() == PacketType.CONNACK && event.clientId() != null) {
            String bridgeId = bridgeByRemoteClientId.get(event.clientId());
            if (bridgeId != null) {
                int code = event.reasonCodes().isEmpty() ? 0 : event.reasonCodes().get(0);
                status(bridgeId, code == 0 ? NodeStatus.State.RUNNING : NodeStatus.State.FAILED,
                        code == 0 ? "connected to " + topology.nameOf(event.node())
                                : topology.nameOf(event.node()) + " refused it (CONNACK " + code + ")");
            }
        }
    }

    private void onDelivery(Delivery delivery) {
        deliveries.add(delivery);
        deliveryFeed.emit(delivery);
    }

    private void status(NodeStatus status) {
        statuses.put(status.elementId(), status);
        statusFeed.emit(status);
    }

    private void status(String elementId, NodeStatus.State state, String message) {
        status(NodeStatus.now(elementId, state, message));
    }

    public Topology topology() {
        return topology;
    }

    public RunOptions options() {
        return options;
    }

    public PortPlan ports() {
        return plan;
    }

    /** The folder the brokers' files are in. */
    public Path runDir() {
        return runDir;
    }

    /** Every packet every tap saw. */
    public Recorder recorder() {
        return recorder;
    }

    /** Every packet every tap saw, read-only, with sequence numbers and gaps. */
    public PacketSource packets() {
        return recorder.view();
    }

    /** Status changes of brokers, bridges and clients from now on. */
    public EventFeed<NodeStatus> statusFeed() {
        return statusFeed;
    }

    /** Messages the simulated subscribers receive from now on. */
    public EventFeed<Delivery> deliveryFeed() {
        return deliveryFeed;
    }

    /** The latest status of every element that has one. */
    public Map<String, NodeStatus> statuses() {
        return Map.copyOf(statuses);
    }

    public Optional<NodeStatus> status(String elementId) {
        return Optional.ofNullable(statuses.get(elementId));
    }

    /** Everything the subscribers received so far, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** What was published, received, duplicated and lost so far. */
    public RunSummary summary() {
        Map<String, Map<String, Long>> published = new HashMap<>();
        publishers.forEach(p -> published.put(p.model().id(), p.publishedPayloads()));
        return RunSummary.of(topology, routes, published, deliveries());
    }

    // ---- faults ----

    /**
     * Drops the connection of a publisher, subscriber or bridge (its remote side, at the tap in
     * front of the broker it connects to) and refuses it until {@link #restoreLink}.
     */
    public void cutLink(String elementId) {
        Link link = link(elementId);
        Fault cut = new Fault(link, Duration.ZERO, new CopyOnWriteArrayList<>());
        if (cuts.putIfAbsent(elementId, cut) == null) {
            applyCut(cut);
            status(elementId, NodeStatus.State.FAILED, "link cut");
        }
    }

    public void restoreLink(String elementId) {
        Fault cut = cuts.remove(elementId);
        if (cut != null) {
            cut.undo().forEach(Runnable::run);
            status(elementId, NodeStatus.State.STARTING, "link restored, reconnecting");
        }
    }

    /**
     * Delays both directions of a link by {@code latency} (zero removes it); for a broker id, of every
     * connection to that broker.
     */
    public void setLatency(String elementId, Duration latency) {
        BrokerSlot slot = brokers.get(elementId);
        if (slot != null) {
            slot.latency = latency;
            slot.taps.forEach(tap -> tap.setLatency(latency));
            return;
        }
        Link link = link(elementId);
        Optional.ofNullable(delays.remove(elementId)).ifPresent(old -> old.undo().forEach(Runnable::run));
        if (!latency.isZero()) {
            Fault delay = new Fault(link, latency, new CopyOnWriteArrayList<>());
            delays.put(elementId, delay);
            applyDelay(delay);
        }
    }

    private void applyCut(Fault cut) {
        for (WireTap tap : brokers.get(cut.link().brokerId()).taps) {
            WireTap.Cut handle = tap.cut(TapConnection.withClientId(cut.link().clientId()));
            cut.undo().add(() -> tap.restore(handle));
        }
    }

    private void applyDelay(Fault delay) {
        for (WireTap tap : brokers.get(delay.link().brokerId()).taps) {
            WireTap.Delay handle = tap.delay(TapConnection.withClientId(delay.link().clientId()), delay.latency());
            delay.undo().add(() -> tap.undelay(handle));
        }
    }

    /** Stops one broker (its taps stay, refusing nothing but finding no broker); completes when it is down. */
    public CompletableFuture<Void> stopBroker(String brokerId) {
        BrokerSlot slot = slot(brokerId);
        BrokerInstance instance = slot.instance;
        slot.running = false;
        if (instance == null) {
            return CompletableFuture.completedFuture(null);
        }
        return instance.stopAsync().whenComplete((done, failure) ->
                status(brokerId, NodeStatus.State.STOPPED, "stopped by the user"));
    }

    /**
     * Starts a new instance of a stopped broker on the same node ports (new internal ones behind new
     * taps, which get the link faults set before); completes when it listens.
     */
    public CompletableFuture<Void> startBroker(String brokerId) {
        BrokerSlot slot = slot(brokerId);
        if (!slot.tapsUp) {
            throw new IllegalStateException(topology.nameOf(brokerId) + " cannot start: its port could not be opened");
        }
        CompletableFuture<Void> previous = slot.instance == null ? CompletableFuture.completedFuture(null)
                : slot.instance.stopAsync();
        return previous.thenRunAsync(() -> {
            status(brokerId, NodeStatus.State.STARTING, "");
            reopenTaps(slot);
            if (slot.tapsUp) {
                startInstance(slot);
            }
        }, task -> new Thread(task, "start-broker-" + brokerId).start());
    }

    private BrokerSlot slot(String brokerId) {
        BrokerSlot slot = brokers.get(brokerId);
        if (slot == null) {
            throw new IllegalArgumentException("no broker '" + brokerId + "' in this run");
        }
        return slot;
    }

    /** A client's or bridge's connection as the taps see it: the broker it connects to, its client id. */
    private record Link(String brokerId, String clientId) {
    }

    private Link link(String elementId) {
        Optional<Bridge> bridge = topology.bridge(elementId);
        if (bridge.isPresent()) {
            return new Link(tapped(bridge.get().to(), elementId),
                    bridge.get().effectiveRemoteClientId(options.hostname()));
        }
        return topology.publishers().stream().filter(p -> p.id().equals(elementId))
                .map(p -> new Link(tapped(p.broker(), elementId), p.client().clientId()))
                .findFirst()
                .or(() -> topology.subscribers().stream().filter(s -> s.id().equals(elementId))
                        .map(s -> new Link(tapped(s.broker(), elementId), s.client().clientId())).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("'" + elementId
                        + "' is not a publisher, subscriber or bridge of this run"));
    }

    /** The broker node's id, when it is one of this run's brokers (an external broker has no tap). */
    private String tapped(String nodeId, String elementId) {
        if (!brokers.containsKey(nodeId)) {
            throw new IllegalArgumentException(topology.nameOf(elementId) + " connects to external broker "
                    + topology.nameOf(nodeId) + ", which has no tap");
        }
        return nodeId;
    }

    // ---- stop ----

    /**
     * Stops publishing, lets messages in flight arrive (up to 2 s), then stops clients, bridges,
     * taps and brokers in parallel: about one embedded broker's stop time in all. Safe to call again.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        publishers.forEach(SimulatedPublisher::stopPublishing);
        settle();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        publishers.forEach(p -> clients.add(p.stopAsync()));
        subscribers.forEach(s -> clients.add(s.stopAsync()));
        try {
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new))
                    .get(CLIENT_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception slowOrFailed) {
            // a client that does not disconnect in time is dropped with its broker
        }
        bridges.forEach(BridgeConnection::close);
        bridgeByRemoteClientId.values().forEach(id -> status(id, NodeStatus.State.STOPPED, "")); // mosquitto's own
        List<CompletableFuture<Void>> brokersDown = new ArrayList<>();
        for (BrokerSlot slot : brokers.values()) {
            if (slot.instance != null) {
                brokersDown.add(slot.instance.stopAsync().whenComplete((done, failure) -> {
                    if (slot.running) {
                        status(slot.node.id(), NodeStatus.State.STOPPED, "");
                    }
                }));
            }
        }
        brokers.values().forEach(slot -> slot.taps.forEach(WireTap::close));
        CompletableFuture.allOf(brokersDown.toArray(CompletableFuture[]::new)).join();
        tapGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        clientExecutor.shutdownNow();
        if (ownRunDir) {
            deleteRunDir();
        }
    }

    /** Waits until every expected message arrived, or no message arrived for a moment, at most 2 s. */
    private void settle() {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && !summary().undelivered().isEmpty()) {
            int now = deliveries.size();
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

    private void deleteRunDir() {
        try (Stream<Path> paths = Files.walk(runDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    @Override
    public void close() {
        stop();
    }
}

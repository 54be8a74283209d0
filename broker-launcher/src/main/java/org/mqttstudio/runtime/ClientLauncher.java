package org.mqttstudio.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * Starts a run's bridges (the embedded runtime's {@link BridgeConnection}s; mosquitto runs its own), simulated
 * subscribers and publishers against the node ports, and stops them again.
 */
final class ClientLauncher {
    private static final Duration CLIENT_STOP = Duration.ofSeconds(2);

    private final RunPlan plan;
    private final Topology topology;
    private final ElementStatuses statuses;
    private final BrokerLifecycle brokers;
    private final Consumer<Delivery> onDelivery;
    /** What publishers register before sending, so a message is judged missing or duplicated as it goes. */
    private final DeliveryLedger ledger;
    private final List<BridgeConnection> bridges = new CopyOnWriteArrayList<>();
    private final List<SimulatedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<SimulatedPublisher> publishers = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private final ExecutorService clientExecutor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "runner-clients");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param onDelivery gets what the subscribers receive, on the clients' thread
     * @param ledger     the run's delivery counts, told by each publisher what it sends
     */
    ClientLauncher(RunPlan plan, ElementStatuses statuses, BrokerLifecycle brokers, Consumer<Delivery> onDelivery,
            DeliveryLedger ledger) {
        this.plan = plan;
        this.topology = plan.topology();
        this.statuses = statuses;
        this.brokers = brokers;
        this.onDelivery = onDelivery;
        this.ledger = ledger;
    }

    void startBridge(Bridge bridge) {
        BrokerSlot from = brokers.slot(bridge.from());
        Optional<Endpoint> remote = plan.ports().endpoint(bridge.to());
        if (!from.running) {
            statuses.report(bridge.id(), NodeStatus.State.FAILED, topology.nameOf(bridge.from()) + " is not running");
        } else if (remote.isEmpty()) {
            statuses.report(bridge.id(), NodeStatus.State.FAILED,
                    topology.nameOf(bridge.to()) + " has no MQTT listener");
        } else if (plan.mosquitto()) {
            if (statuses.of(bridge.id()).isEmpty()) { // else the taps saw it connect already
                statuses.report(bridge.id(), NodeStatus.State.STARTING, "run by mosquitto on "
                        + topology.nameOf(bridge.from()) + ", connecting to " + remote.get());
            }
        } else {
            Listener local = from.node.mqttListener().orElseThrow();
            BridgeConnection connection = new BridgeConnection(bridge,
                    new Endpoint(PortPlan.HOST, from.internalPorts.get(local)), remote.get(), plan.bridgeSecret(),
                    plan.options().hostname(), statuses::report);
            bridges.add(connection);
            if (stopping) {
                connection.close(); // a restarted broker's bridge, made while the run stops
            } else {
                connection.start();
            }
        }
    }

    void startSubscriber(Subscriber s) {
        clientEndpoint(s.id(), s.broker()).ifPresent(endpoint -> {
            SimulatedSubscriber subscriber =
                    new SimulatedSubscriber(s, endpoint, statuses::report, onDelivery, clientExecutor);
            subscribers.add(subscriber);
            subscriber.start();
        });
    }

    void startPublisher(Publisher p) {
        Optional<String> badPayload = PayloadTemplate.problem(p.payload());
        if (badPayload.isPresent()) {
            statuses.report(p.id(), NodeStatus.State.FAILED, "payload: " + badPayload.get());
            return;
        }
        clientEndpoint(p.id(), p.broker()).ifPresent(endpoint -> {
            SimulatedPublisher publisher = new SimulatedPublisher(p, endpoint, plan.options().seed(), statuses::report, ledger);
            publishers.add(publisher);
            publisher.start();
        });
    }

    /**
     * A broker started again listens on new internal ports (behind its new taps), where its bridges' local sides
     * cannot follow: on the embedded runtime they are closed and started anew there. Mosquitto runs its own
     * bridges again itself.
     */
    void restartBridgesOf(String brokerId) {
        if (plan.mosquitto()) {
            return;
        }
        for (BridgeConnection old : bridges) {
            if (!stopping && old.bridge().from().equals(brokerId)) {
                bridges.remove(old);
                old.close();
                startBridge(old.bridge());
            }
        }
    }

    private Optional<Endpoint> clientEndpoint(String clientId, String brokerId) {
        Optional<Endpoint> endpoint = plan.ports().endpoint(brokerId);
        if (endpoint.isEmpty()) {
            statuses.report(clientId, NodeStatus.State.FAILED, topology.nameOf(brokerId) + " has no MQTT listener");
        }
        return endpoint;
    }

    /** The publishers started so far. */
    List<SimulatedPublisher> publishers() {
        return publishers;
    }

    void stopPublishing() {
        publishers.forEach(SimulatedPublisher::stopPublishing);
    }

    /** Disconnects the clients (at most 2 s; a slow one is dropped with its broker), then closes the bridges. */
    void stopAll() {
        stopping = true;
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
    }

    /** After the brokers are down: the thread the subscribers deliver on. */
    void shutdown() {
        clientExecutor.shutdownNow();
    }
}

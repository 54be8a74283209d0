package org.mqttstudio.runtime;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.WireTap;

/**
 * The broker nodes of a run: for each, wire taps on its node ports and a broker (embedded HiveMQ CE or a mosquitto
 * process) behind them on internal ports, moved to new ones when someone took them; stopped and started again one
 * at a time, and all at the end.
 */
final class BrokerLifecycle {
    /** Starts of a broker whose internal port was taken each time: a third collision in a row is no race. */
    private static final int PORT_ATTEMPTS = 3;

    private final RunPlan plan;
    private final PortPlan ports;
    private final ElementStatuses statuses;
    private final Consumer<PacketEvent> packets;
    private final Map<String, BrokerSlot> slots = new LinkedHashMap<>();
    private final EventLoopGroup tapGroup = new NioEventLoopGroup(1);

    /** @param packets gets every packet of every tap, on the taps' decoder threads */
    BrokerLifecycle(RunPlan plan, ElementStatuses statuses, Consumer<PacketEvent> packets) {
        this.plan = plan;
        this.ports = plan.ports();
        this.statuses = statuses;
        this.packets = packets;
        plan.topology().brokers().forEach(b -> slots.put(b.id(), new BrokerSlot(b, ports.internalPorts(b))));
    }

    /** The slot of one of the run's brokers. */
    BrokerSlot slot(String brokerId) {
        BrokerSlot slot = slots.get(brokerId);
        if (slot == null) {
            throw new IllegalArgumentException("no broker '" + brokerId + "' in this run");
        }
        return slot;
    }

    boolean isRunBroker(String nodeId) {
        return slots.containsKey(nodeId);
    }

    Collection<BrokerSlot> slots() {
        return slots.values();
    }

    /** Opens the slot's taps; a port in use fails the node (its other taps are closed again). */
    void openTaps(BrokerSlot slot) {
        for (Listener listener : slot.node.listeners()) {
            if (!ports.tapped(listener)) {
                continue;
            }
            int port = ports.nodePort(listener);
            try {
                slot.taps.add(WireTap.builder(slot.id(), new InetSocketAddress(PortPlan.HOST, port),
                                new InetSocketAddress(PortPlan.HOST, slot.internalPorts.get(listener)))
                        .transport(ports.transport(listener)).connectionNumbers(slot.connectionNumbers)
                        .sink(packets).eventLoopGroup(tapGroup).start());
            } catch (UncheckedIOException e) {
                slot.taps.forEach(WireTap::close);
                slot.taps.clear();
                statuses.report(slot.id(), NodeStatus.State.FAILED, e.getCause() instanceof BindException
                        || String.valueOf(e.getMessage()).contains("in use") ? "port " + port + " is in use"
                        : "cannot listen on port " + port + ": " + e.getMessage());
                return;
            }
        }
        slot.tapsOpened();
    }

    private BrokerInstance newInstance(BrokerSlot slot) {
        return plan.mosquitto()
                ? new MosquittoBroker(plan.topology(), slot.node, plan.runDir(), slot.internalPorts, ports)
                : BrokerInstance.of(new EmbeddedBroker(slot.node, plan.runDir(), slot.internalPorts,
                        ModelSecurity.of(slot.node),
                        BridgeConnection.privateClientIds(plan.topology(), slot.id(), plan.options().hostname()),
                        plan.bridgeSecret()));
    }

    /**
     * Starts the slot's broker; an internal port someone else took since {@link PortPlan} found it free
     * (another run in this JVM may be given the same one) is replaced by a new one, a few times at most.
     */
    void startInstance(BrokerSlot slot) {
        for (int attempt = 1; ; attempt++) {
            BrokerInstance instance = newInstance(slot);
            slot.instance = instance;
            try {
                instance.start();
                slot.running = true;
                statuses.report(slot.id(), NodeStatus.State.RUNNING, "listening on " + describePorts(slot));
                return;
            } catch (BrokerStartException e) {
                if (attempt == PORT_ATTEMPTS || !internalPortTaken(slot, e)) {
                    statuses.report(slot.id(), NodeStatus.State.FAILED, withoutBrokerName(e.getMessage(), slot.id()));
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
                .anyMatch(l -> ports.tapped(l) && slot.internalPorts.get(l) == taken.port());
    }

    /** New taps in front of new internal ports (the old ones may linger in TIME_WAIT or be someone else's). */
    private void reopenTaps(BrokerSlot slot) {
        slot.taps.forEach(WireTap::close);
        slot.taps.clear();
        slot.tapsUp = false;
        slot.internalPorts = ports.freshInternalPorts(slot.node);
        openTaps(slot);
    }

    private String describePorts(BrokerSlot slot) {
        Map<Listener, Integer> internal = slot.internalPorts;
        return String.join(", ", slot.node.listeners().stream().map(l -> ports.nodePort(l)
                + (l.protocol() == Protocol.MQTT ? "" : " " + l.protocol().word())
                + (ports.tapped(l) ? " (broker on " + internal.get(l) + ")" : ""))
                .toList());
    }

    private static String withoutBrokerName(String message, String id) {
        String prefix = "broker '" + id + "': ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Stops one broker (its taps stay, refusing nothing but finding no broker); completes when it is down. */
    CompletableFuture<Void> stopBroker(String brokerId) {
        BrokerSlot slot = slot(brokerId);
        BrokerInstance instance = slot.instance;
        slot.running = false;
        if (instance == null) {
            return CompletableFuture.completedFuture(null);
        }
        return instance.stopAsync().whenComplete((done, failure) ->
                statuses.report(brokerId, NodeStatus.State.STOPPED, "stopped by the user"));
    }

    /**
     * Starts a new instance of a stopped broker on the same node ports (new internal ones behind new
     * taps, which get the link faults set before); completes when it listens.
     */
    CompletableFuture<Void> startBroker(String brokerId) {
        BrokerSlot slot = slot(brokerId);
        if (!slot.tapsUp) {
            throw new IllegalStateException(plan.topology().nameOf(brokerId)
                    + " cannot start: its port could not be opened");
        }
        CompletableFuture<Void> previous = slot.instance == null ? CompletableFuture.completedFuture(null)
                : slot.instance.stopAsync();
        return previous.thenRunAsync(() -> {
            statuses.report(brokerId, NodeStatus.State.STARTING, "");
            reopenTaps(slot);
            if (slot.tapsUp) {
                startInstance(slot);
            }
        }, task -> new Thread(task, "start-broker-" + brokerId).start());
    }

    /** Stops every broker and closes every tap, in parallel; returns when all are down and their ports free. */
    void stopAll() {
        List<CompletableFuture<Void>> brokersDown = new ArrayList<>();
        for (BrokerSlot slot : slots.values()) {
            if (slot.instance != null) {
                brokersDown.add(slot.instance.stopAsync().whenComplete((done, failure) -> {
                    if (slot.running) {
                        statuses.report(slot.id(), NodeStatus.State.STOPPED, "");
                    }
                }));
            }
        }
        slots.values().forEach(slot -> slot.taps.forEach(WireTap::close));
        CompletableFuture.allOf(brokersDown.toArray(CompletableFuture[]::new)).join();
        tapGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

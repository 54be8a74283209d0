package org.mqttstudio.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;

/**
 * The latest status of every element of a run (one entry per element), each change offered to a feed. mosquitto
 * runs its own bridges, so their status is read off the CONNACKs the taps see. Thread-safe: brokers, bridges and
 * clients report from their own threads.
 */
final class ElementStatuses {
    private final Topology topology;
    private final EventFeed<NodeStatus> feed = new EventFeed<>();
    private final Map<String, NodeStatus> latest = new ConcurrentHashMap<>();
    /** mosquitto's bridges by the client id they connect to their remote with; empty on the embedded runtime. */
    private final Map<String, String> bridgeByRemoteClientId;

    ElementStatuses(RunPlan plan) {
        this.topology = plan.topology();
        Map<String, String> bridgeIds = new HashMap<>();
        if (plan.mosquitto()) {
            topology.bridges().forEach(b -> bridgeIds.put(b.effectiveRemoteClientId(plan.options().hostname()),
                    b.id()));
        }
        this.bridgeByRemoteClientId = Map.copyOf(bridgeIds);
    }

    void report(NodeStatus status) {
        latest.put(status.elementId(), status);
        feed.emit(status);
    }

    void report(String elementId, NodeStatus.State state, String message) {
        report(NodeStatus.now(elementId, state, message));
    }

    /** A mosquitto bridge's CONNACK at its remote: connected, or refused with the code. */
    void onPacket(PacketEvent event) {
        if (event.type() == PacketType.CONNACK && event.clientId() != null) {
            String bridgeId = bridgeByRemoteClientId.get(event.clientId());
            if (bridgeId != null) {
                int code = event.reasonCodes().isEmpty() ? 0 : event.reasonCodes().get(0);
                report(bridgeId, code == 0 ? NodeStatus.State.RUNNING : NodeStatus.State.FAILED,
                        code == 0 ? "connected to " + topology.nameOf(event.node())
                                : topology.nameOf(event.node()) + " refused it (CONNACK " + code + ")");
            }
        }
    }

    EventFeed<NodeStatus> feed() {
        return feed;
    }

    Map<String, NodeStatus> all() {
        return Map.copyOf(latest);
    }

    Optional<NodeStatus> of(String elementId) {
        return Optional.ofNullable(latest.get(elementId));
    }

    /**
     * Waits (at most {@code max}) until the elements are connected or have failed, so that the first messages are
     * not published before anyone listens; returns early when {@code halted} says so.
     */
    void awaitSettled(List<String> elementIds, Duration max, BooleanSupplier halted) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!halted.getAsBoolean() && System.nanoTime() < deadline && elementIds.stream().map(latest::get)
                .anyMatch(s -> s == null || s.state() == NodeStatus.State.STARTING)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** mosquitto's bridges end with their brokers: no one else says so. */
    void mosquittoBridgesStopped() {
        bridgeByRemoteClientId.values().forEach(id -> report(id, NodeStatus.State.STOPPED, ""));
    }

    /**
     * At the end of a stop: what a stop during the start never reached, or a client that did not say goodbye in
     * time, is STOPPED too; a FAILED element keeps its reason.
     */
    void stopRemaining() {
        latest.values().stream().filter(s -> s.state() == NodeStatus.State.STARTING
                        || s.state() == NodeStatus.State.RUNNING).map(NodeStatus::elementId).toList()
                .forEach(id -> report(id, NodeStatus.State.STOPPED, "the run was stopped"));
    }
}

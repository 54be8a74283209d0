package org.mqttstudio.runtime;

import java.time.Duration;
import java.util.Optional;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Topology;

/**
 * The faults a user sets on a running topology's links: a client's or bridge's connection cut or delayed at the tap
 * in front of the broker it connects to, or every connection to a broker delayed. The taps do the work
 * ({@link BrokerSlot} keeps the faults, so that a restarted broker's new taps get them too).
 */
final class LinkFaults {
    private final Topology topology;
    private final String hostname;
    private final BrokerLifecycle brokers;
    private final ElementStatuses statuses;

    LinkFaults(RunPlan plan, BrokerLifecycle brokers, ElementStatuses statuses) {
        this.topology = plan.topology();
        this.hostname = plan.options().hostname();
        this.brokers = brokers;
        this.statuses = statuses;
    }

    /** A client's or bridge's connection as the taps see it: the broker it connects to, its client id. */
    private record Link(String brokerId, String clientId) {
    }

    void cutLink(String elementId) {
        Link link = link(elementId);
        if (brokers.slot(link.brokerId()).cut(elementId, link.clientId())) {
            statuses.report(elementId, NodeStatus.State.FAILED, "link cut");
        }
    }

    void restoreLink(String elementId) {
        Link link = link(elementId);
        if (brokers.slot(link.brokerId()).restore(elementId)) {
            statuses.report(elementId, NodeStatus.State.STARTING, "link restored, reconnecting");
        }
    }

    void setLatency(String elementId, Duration latency) {
        if (brokers.isRunBroker(elementId)) {
            brokers.slot(elementId).setLatency(latency);
            return;
        }
        Link link = link(elementId);
        brokers.slot(link.brokerId()).delay(elementId, link.clientId(), latency);
    }

    private Link link(String elementId) {
        Optional<Bridge> bridge = topology.bridge(elementId);
        if (bridge.isPresent()) {
            return new Link(tapped(bridge.get().to(), elementId), bridge.get().effectiveRemoteClientId(hostname));
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
        if (!brokers.isRunBroker(nodeId)) {
            throw new IllegalArgumentException(topology.nameOf(elementId) + " connects to external broker "
                    + topology.nameOf(nodeId) + ", which has no tap");
        }
        return nodeId;
    }
}

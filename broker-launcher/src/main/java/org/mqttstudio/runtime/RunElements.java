package org.mqttstudio.runtime;

import java.util.HashMap;
import java.util.Map;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * Which model element a connection at a run's broker node is, by the client id the tap saw: the publishers and
 * subscribers at the broker they connect to, each bridge's remote client id at its target node and local client id
 * at its own node (mosquitto's default ids, with the run's host name). Two elements with one client id at one node
 * (a checker error: they would throw each other off) resolve to the first in the topology.
 */
final class RunElements {
    private record At(String nodeId, String clientId) {
    }

    private final Topology topology;
    private final Map<At, RunElement> byConnection;

    private RunElements(Topology topology, Map<At, RunElement> byConnection) {
        this.topology = topology;
        this.byConnection = byConnection;
    }

    static RunElements of(Topology topology, String hostname) {
        Map<At, RunElement> elements = new HashMap<>();
        for (Publisher p : topology.publishers()) {
            elements.putIfAbsent(new At(p.broker(), p.client().clientId()),
                    new RunElement(p.id(), RunElement.Kind.PUBLISHER));
        }
        for (Subscriber s : topology.subscribers()) {
            elements.putIfAbsent(new At(s.broker(), s.client().clientId()),
                    new RunElement(s.id(), RunElement.Kind.SUBSCRIBER));
        }
        for (Bridge b : topology.bridges()) {
            RunElement bridge = new RunElement(b.id(), RunElement.Kind.BRIDGE);
            elements.putIfAbsent(new At(b.to(), b.effectiveRemoteClientId(hostname)), bridge);
            elements.putIfAbsent(new At(b.from(), b.effectiveLocalClientId(hostname)), bridge);
        }
        return new RunElements(topology, Map.copyOf(elements));
    }

    /**
     * The element of the connection with this client id at this broker node.
     *
     * @param clientId null when the tap saw no CONNECT on the connection
     * @throws IllegalArgumentException when the node is not one of the topology's brokers
     */
    RunElement element(String nodeId, String clientId) {
        if (!(topology.node(nodeId).orElse(null) instanceof Broker)) {
            throw new IllegalArgumentException("no broker '" + nodeId + "' in this run");
        }
        if (clientId == null) {
            return new RunElement(nodeId, RunElement.Kind.BROKER);
        }
        RunElement element = byConnection.get(new At(nodeId, clientId));
        return element != null ? element : new RunElement(nodeId, RunElement.Kind.OUTSIDE_CLIENT);
    }
}

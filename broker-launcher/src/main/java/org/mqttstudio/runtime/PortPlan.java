package org.mqttstudio.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.Transport;

/**
 * The one place a run's ports are decided. Each broker listener's designed port plus the offset is
 * the node's port, where its wire tap listens (MQTT and WebSocket listeners alike) and where clients
 * and other brokers' bridges connect; the broker itself listens behind it on a free internal port on
 * loopback (mosquitto's WebSocket listeners on every interface, see NOTES). External brokers keep their
 * address (they are not ours to move).
 */
public final class PortPlan {
    /** Taps and brokers listen on loopback only. */
    public static final String HOST = "127.0.0.1";

    private final Topology topology;
    private final Map<String, Map<Listener, Integer>> internal;
    private final int offset;

    private PortPlan(Topology topology, int offset, Map<String, Map<Listener, Integer>> internal) {
        this.topology = topology;
        this.offset = offset;
        this.internal = internal;
    }

    /**
     * Plans the ports and picks the internal ones.
     *
     * @throws IllegalArgumentException when the offset moves a port outside 1..65535
     */
    public static PortPlan of(Topology topology, int offset) {
        for (Broker b : topology.brokers()) {
            for (Listener l : b.listeners()) {
                int shifted = l.port() + offset;
                if (shifted < 1 || shifted > 65535) {
                    throw new IllegalArgumentException("port offset " + offset + " moves port " + l.port()
                            + " of broker '" + b.id() + "' outside 1..65535");
                }
            }
        }
        PortPlan plan = new PortPlan(topology, offset, Map.of());
        Map<String, Map<Listener, Integer>> internal = new HashMap<>();
        topology.brokers().forEach(b -> internal.put(b.id(), plan.freshInternalPorts(b)));
        return new PortPlan(topology, offset, Map.copyOf(internal));
    }

    /**
     * New free internal ports for the broker's listeners (for a restart: the previous ones may be in
     * TIME_WAIT).
     */
    public Map<Listener, Integer> freshInternalPorts(Broker broker) {
        Map<Listener, Integer> ports = new LinkedHashMap<>();
        for (Listener l : broker.listeners()) {
            ports.put(l, LoopbackPorts.free());
        }
        return Map.copyOf(ports);
    }

    /** The node's port of a listener: where its tap listens. */
    public int nodePort(Listener listener) {
        return listener.port() + offset;
    }

    /**
     * Whether a wire tap fronts the listener: every one, plain MQTT and WebSocket alike ({@link #transport} says
     * how its tap reads it). Asked by the runner still, so that a listener the tap cannot read (TLS, one day) has
     * one place to say so.
     */
    public boolean tapped(Listener listener) {
        return true;
    }

    /** How the listener's tap reads the connections it forwards. */
    public Transport transport(Listener listener) {
        return listener.protocol() == Protocol.WEBSOCKETS ? Transport.WEBSOCKET : Transport.TCP;
    }

    /** The internal port each listener of the broker binds at the start of the run. */
    public Map<Listener, Integer> internalPorts(Broker broker) {
        return internal.get(broker.id());
    }

    /**
     * Where clients and bridges reach a node: a topology broker's first MQTT listener's tap, or an
     * external broker's own address; empty for a broker without an MQTT listener.
     */
    public Optional<Endpoint> endpoint(String nodeId) {
        Node node = topology.node(nodeId).orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "'"));
        if (node instanceof ExternalBroker e) {
            return Optional.of(new Endpoint(e.host(), e.port()));
        }
        return ((Broker) node).mqttListener().map(l -> new Endpoint(HOST, nodePort(l)));
    }
}

package org.mqttstudio.app.explorer;

import java.util.Optional;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.Topology;

/**
 * Where "Explore" on a canvas node connects: a broker of the topology on 127.0.0.1 at its MQTT listener's port (its
 * WebSocket listener when it has no plain one), moved by the run's port offset while that broker runs; an external
 * broker at its host and port.
 */
public final class ExploreTarget {
    private ExploreTarget() {
    }

    /**
     * @param running the topology that runs now and its port offset; empty when nothing runs
     * @return empty when the node is no broker, or a broker without a listener a client can use
     */
    public static Optional<ConnectionProfile> of(Topology topology, String nodeId, Optional<Running> running) {
        Optional<Broker> broker = topology.broker(nodeId);
        if (broker.isEmpty()) {
            return topology.externalBroker(nodeId)
                    .map(b -> ConnectionProfile.of(b.host(), b.port()).withName(b.name()));
        }
        Optional<Listener> listener = broker.get().mqttListener().or(() -> broker.get().listeners().stream()
                .filter(l -> l.protocol() == Protocol.WEBSOCKETS).findFirst());
        int offset = running.filter(r -> r.topology().broker(nodeId).isPresent()).map(Running::portOffset).orElse(0);
        return listener.map(l -> {
            ConnectionProfile profile = ConnectionProfile.of("127.0.0.1", l.port() + offset)
                    .withName(broker.get().name());
            return l.protocol() == Protocol.WEBSOCKETS ? profile.withWebSocket("mqtt") : profile;
        });
    }

    /** A run in progress: what it runs and the offset its ports are moved by. */
    public record Running(Topology topology, int portOffset) {
    }
}

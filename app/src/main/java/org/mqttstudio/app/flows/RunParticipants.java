package org.mqttstudio.app.flows;

import java.util.Objects;
import org.mqttstudio.runtime.RunElement;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowHop;

/**
 * A run's participants by the model's names. A bridge's client lives in its own broker (its local side is internal
 * there and never tapped), so a bridge hop is drawn from or to the broker at the bridge's other end, noted as that
 * bridge's client, rather than on a lifeline of its own that no packet would reach.
 */
public final class RunParticipants implements Participants {
    private final TopologyRunner runner;
    private final Topology topology;

    public RunParticipants(TopologyRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.topology = runner.topology();
    }

    @Override
    public Participant node(String nodeId) {
        return new Participant("node:" + nodeId, topology.nameOf(nodeId), Participant.Role.BROKER);
    }

    @Override
    public ClientSide clientSide(FlowHop hop) {
        RunElement element = runner.element(hop.node(), hop.clientId());
        String id = element.elementId();
        return switch (element.kind()) {
            case PUBLISHER -> new ClientSide(new Participant("element:" + id, topology.nameOf(id),
                    Participant.Role.PUBLISHER), null);
            case SUBSCRIBER -> new ClientSide(new Participant("element:" + id, topology.nameOf(id),
                    Participant.Role.SUBSCRIBER), null);
            case BRIDGE -> {
                Bridge bridge = topology.bridge(id).orElseThrow();
                String home = bridge.to().equals(hop.node()) ? bridge.from() : bridge.to();
                yield new ClientSide(node(home), bridge.name());
            }
            case OUTSIDE_CLIENT -> new ClientSide(new Participant("client:" + hop.node() + "/" + hop.clientId(),
                    hop.clientId(), Participant.Role.CLIENT), null);
            case BROKER -> new ClientSide(new Participant("connection:" + hop.node() + "/" + hop.connectionId(),
                    "connection " + hop.connectionId() + " (no CONNECT seen)", Participant.Role.CLIENT), null);
        };
    }
}

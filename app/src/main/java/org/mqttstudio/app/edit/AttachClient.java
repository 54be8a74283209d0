package org.mqttstudio.app.edit;

import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/** Connects a publisher or subscriber to another broker (or external broker). */
public record AttachClient(String clientId, String brokerId) implements Edit {
    @Override
    public String description() {
        return "Attach " + clientId + " to " + brokerId;
    }

    @Override
    public Topology apply(Topology before) {
        return before.node(clientId).map(node -> {
            if (node instanceof Publisher p) {
                return before.withNode(new Publisher(p.id(), p.name(), brokerId, p.client(), p.topic(), p.payload(),
                        p.intervalMs(), p.count(), p.qos(), p.retain(), p.position()));
            }
            if (node instanceof Subscriber s) {
                return before.withNode(new Subscriber(s.id(), s.name(), brokerId, s.client(), s.subscriptions(),
                        s.position()));
            }
            return before;
        }).orElse(before);
    }
}

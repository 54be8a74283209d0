package org.mqttstudio.app.canvas;

import java.util.List;
import javafx.scene.control.Label;
import org.mqttstudio.topology.ExternalBroker;

/** A broker outside the topology that bridges and clients reach: name and address. */
public final class ExternalBrokerView extends NodeView<ExternalBroker> {
    ExternalBrokerView(ExternalBroker broker) {
        super(ExternalBroker.class, "external-broker-view", "EXTERNAL BROKER", broker);
    }

    /** Bridges start at brokers of the topology, never at an external one. */
    @Override
    protected boolean connectable() {
        return false;
    }

    @Override
    protected List<Label> details(ExternalBroker broker) {
        return List.of(label("node-port", shorten(broker.address())));
    }
}

package org.mqttstudio.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

/** A mosquitto broker of the topology: name, listener ports, and its host when not local. */
public final class BrokerView extends NodeView<Broker> {
    BrokerView(Broker broker) {
        super(Broker.class, "broker-view", "BROKER", broker);
    }

    @Override
    protected List<Label> details(Broker broker) {
        List<Label> lines = new ArrayList<>();
        if (broker.listeners().isEmpty()) {
            lines.add(label("node-warning", "no listener"));
        }
        for (Listener listener : broker.listeners()) {
            String text = "port " + listener.port()
                    + (listener.protocol() == Protocol.MQTT ? "" : " · " + listener.protocol().word());
            lines.add(label("node-port", text));
        }
        if (!broker.host().equals(Broker.DEFAULT_HOST)) {
            lines.add(label("node-detail", "host " + shorten(broker.host())));
        }
        return lines;
    }
}

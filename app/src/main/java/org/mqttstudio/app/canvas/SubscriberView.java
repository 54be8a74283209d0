package org.mqttstudio.app.canvas;

import java.util.List;
import javafx.scene.control.Label;
import org.mqttstudio.topology.Subscriber;

/** A simulated subscriber: one line per topic filter with its QoS. */
public final class SubscriberView extends NodeView<Subscriber> {
    SubscriberView(Subscriber subscriber) {
        super(Subscriber.class, "subscriber-view", "SUBSCRIBER", subscriber);
    }

    @Override
    protected List<Label> details(Subscriber s) {
        if (s.subscriptions().isEmpty()) {
            return List.of(label("node-warning", "no subscriptions"));
        }
        return s.subscriptions().stream()
                .map(sub -> label("node-topic", shorten(sub.filter()) + " · QoS " + sub.qos()))
                .toList();
    }
}

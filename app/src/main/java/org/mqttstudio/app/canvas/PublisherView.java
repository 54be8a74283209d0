package org.mqttstudio.app.canvas;

import java.util.List;
import javafx.scene.control.Label;
import org.mqttstudio.topology.Publisher;

/** A simulated publisher: topic, QoS and pace, and its payload template. */
public final class PublisherView extends NodeView<Publisher> {
    PublisherView(Publisher publisher) {
        super(Publisher.class, "publisher-view", "PUBLISHER", publisher);
    }

    @Override
    protected List<Label> details(Publisher p) {
        String pace = "QoS " + p.qos() + " · every " + duration(p.intervalMs())
                + (p.count() > 0 ? " · " + p.count() + "×" : "")
                + (p.retain() ? " · retain" : "");
        return List.of(label("node-topic", shorten(p.topic())), label("node-detail", pace),
                label("node-payload", shorten("“" + p.payload() + "”")));
    }

    private static String duration(int ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}

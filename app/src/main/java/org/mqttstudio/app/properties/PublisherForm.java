package org.mqttstudio.app.properties;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;

/** A simulated publisher, with a live preview of its payload template. */
final class PublisherForm extends ElementForm<Publisher> {
    PublisherForm(Document document, String id) {
        super(document, id, t -> t.publishers().stream().filter(p -> p.id().equals(id)).findFirst(),
                (t, p) -> t.withNode(p));
        info("id", "Id", Publisher::id);
        text("name", "Name", Parsers.required("the name"), Publisher::name, Publisher::withName);
        info("broker", "Broker", p -> document.topology().nameOf(p.broker()));
        ClientFields.add(this, Publisher::client, Publisher::withClient);

        section("Messages");
        text("topic", "Topic", Parsers.topicName(), Publisher::topic, Publisher::withTopic);
        TextField payload = text("payload", "Payload template", Parsers.template(), Publisher::payload,
                Publisher::withPayload);
        payload.setPromptText("{rand:20:420:4}");
        Label preview = new Label();
        preview.setId("prop-payload-preview");
        preview.getStyleClass().add("payload-preview");
        payload.textProperty().addListener((o, old, text) -> preview.setText(preview(text)));
        field("Preview", preview);
        text("interval", "Interval (ms)", Parsers.atLeast(1, "the interval"), String::valueOf, Publisher::intervalMs,
                Publisher::withIntervalMs);
        text("count", "Count (0 = endless)", Parsers.atLeast(0, "the count"), String::valueOf, Publisher::count,
                Publisher::withCount);
        choice("qos", "QoS", List.of(0, 1, 2), String::valueOf, Publisher::qos, Publisher::withQos);
        toggle("retain", "Retain", Publisher::retain, Publisher::withRetain);
    }

    @Override
    String kind() {
        return "Publisher";
    }

    /** What message 1 would carry now, or why the template cannot be used. */
    static String preview(String template) {
        try {
            return PayloadTemplate.parse(template).render(1, Instant.now(), new Random());
        } catch (IllegalArgumentException e) {
            return "—";
        }
    }
}

package org.mqttstudio.app.properties;

import java.util.List;
import java.util.Optional;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;

/** A simulated subscriber and its topic filters. */
final class SubscriberForm extends ElementForm<Subscriber> {
    SubscriberForm(Document document, String id) {
        super(document, id, t -> t.subscribers().stream().filter(s -> s.id().equals(id)).findFirst(),
                (t, s) -> t.withNode(s));
        info("id", "Id", Subscriber::id);
        text("name", "Name", Parsers.required("the name"), Subscriber::name, Subscriber::withName);
        info("broker", "Broker", s -> document.topology().nameOf(s.broker()));
        ClientFields.add(this, Subscriber::client, Subscriber::withClient);
        rows("filters", "Filters", List.of(
                Column.<Subscription, String>text("Filter", 200, Parsers.filter(), f -> f, Subscription::filter,
                        Subscription::withFilter),
                Column.<Subscription, Integer>choice("QoS", List.of(0, 1, 2), String::valueOf, Subscription::qos,
                        Subscription::withQos)),
                "Add filter", () -> Optional.of(new Subscription("#", 0)), Subscriber::subscriptions,
                Subscriber::withSubscriptions);
    }

    @Override
    String kind() {
        return "Subscriber";
    }
}

package org.mqttstudio.topology;

import java.util.List;

/** A simulated subscriber. */
public record Subscriber(String id, String name, String broker, ClientSettings client,
        List<Subscription> subscriptions, Position position) implements Node {

    public Subscriber {
        Ids.check(id);
        name = name == null || name.isBlank() ? id : name;
        Checks.required(broker, "broker");
        Checks.required(client, "client");
        subscriptions = Checks.list(subscriptions);
        position = position == null ? Position.ORIGIN : position;
    }

    @Override
    public Subscriber withPosition(Position newPosition) {
        return new Subscriber(id, name, broker, client, subscriptions, newPosition);
    }

    public Subscriber withName(String newName) {
        return new Subscriber(id, newName, broker, client, subscriptions, position);
    }

    public Subscriber withClient(ClientSettings newClient) {
        return new Subscriber(id, name, broker, newClient, subscriptions, position);
    }

    public Subscriber withSubscriptions(List<Subscription> newSubscriptions) {
        return new Subscriber(id, name, broker, client, newSubscriptions, position);
    }
}

package org.mqttstudio.app.edit;

import java.util.Optional;

import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/** The kinds of node a user can add (the palette's items). */
public enum NodeKind {
    BROKER("Broker"), PUBLISHER("Publisher"), SUBSCRIBER("Subscriber"), EXTERNAL_BROKER("External broker");

    private final String text;

    NodeKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean isClient() {
        return this == PUBLISHER || this == SUBSCRIBER;
    }

    /** A new node of this kind at {@code at}; clients need the broker they attach to. */
    public Node create(Topology t, Optional<String> brokerId, Position at) {
        return switch (this) {
            case BROKER -> NewElements.broker(t, at);
            case EXTERNAL_BROKER -> NewElements.externalBroker(t, at);
            case PUBLISHER -> NewElements.publisher(t, brokerId.orElseThrow(), at);
            case SUBSCRIBER -> NewElements.subscriber(t, brokerId.orElseThrow(), at);
        };
    }
}

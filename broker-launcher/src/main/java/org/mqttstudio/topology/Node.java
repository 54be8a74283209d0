package org.mqttstudio.topology;

/** Anything drawn as a box on the canvas: brokers, external brokers, publishers, subscribers. */
public sealed interface Node permits Broker, ExternalBroker, Publisher, Subscriber {
    String id();

    String name();

    Position position();

    Node withPosition(Position position);
}

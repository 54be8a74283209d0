package org.mqttstudio.runtime;

import java.util.Objects;

/**
 * The model element a packet's connection belongs to (see {@link TopologyRunner#element}), so that a view can put
 * the packet on the canvas: on a client's or bridge's edge, or on the node itself.
 *
 * @param elementId the publisher's, subscriber's or bridge's id; for {@link Kind#BROKER} and
 *                  {@link Kind#OUTSIDE_CLIENT}, the id of the broker node the connection is at
 */
public record RunElement(String elementId, Kind kind) {
    public enum Kind {
        /** A connection at the node whose client id the tap never saw (no CONNECT: e.g. garbage). */
        BROKER,
        PUBLISHER,
        SUBSCRIBER,
        /** A bridge's remote connection at its target node, or its local one at its own node. */
        BRIDGE,
        /** A client that is not in the topology (mosquitto_sub, a test, a student's program). */
        OUTSIDE_CLIENT
    }

    public RunElement {
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(kind, "kind");
    }
}

package org.mqttstudio.app.animation;

import java.util.Objects;

/**
 * Where one hop of a message goes on the canvas: along the edge {@code edgeId} (a bridge, or a client's link, keyed
 * by the client's element id) from node {@code from} to node {@code to}; {@code forward} when that is the way the
 * edge is drawn (a bridge's from → to, publisher → broker, broker → subscriber).
 */
record EdgeHop(String edgeId, boolean bridge, String from, String to, boolean forward) {
    EdgeHop {
        Objects.requireNonNull(edgeId, "edgeId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}

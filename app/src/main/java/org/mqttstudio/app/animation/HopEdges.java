package org.mqttstudio.app.animation;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mqttstudio.runtime.RunElement;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.PacketDirection;

/**
 * Puts a flow's hop on an edge of the canvas: the run names the connection's element ({@code elements}, the
 * runner's {@code element(node, clientId)}); a publisher's hop goes along its link into the broker, a subscriber's
 * out of it, a bridge's along the bridge, into the tapped node when the bridge's client published there and out of
 * it when the node delivered to the bridge. Outside clients and unnamed connections have no edge.
 */
final class HopEdges {
    private final BiFunction<String, String, RunElement> elements;
    private final Map<String, Bridge> bridges;

    HopEdges(Topology topology, BiFunction<String, String, RunElement> elements) {
        this.elements = elements;
        this.bridges = topology.bridges().stream()
                .collect(Collectors.toUnmodifiableMap(Bridge::id, Function.identity()));
    }

    Optional<EdgeHop> edgeOf(FlowHop hop) {
        RunElement element;
        try {
            element = elements.apply(hop.node(), hop.clientId());
        } catch (IllegalArgumentException notABrokerOfTheRun) {
            return Optional.empty();
        }
        boolean entering = hop.direction() == PacketDirection.CLIENT_TO_BROKER;
        String id = element.elementId();
        return switch (element.kind()) {
            case PUBLISHER -> entering ? Optional.of(new EdgeHop(id, false, id, hop.node(), true)) : Optional.empty();
            case SUBSCRIBER -> entering ? Optional.empty() : Optional.of(new EdgeHop(id, false, hop.node(), id, true));
            case BRIDGE -> Optional.ofNullable(bridges.get(id)).map(b -> {
                String other = hop.node().equals(b.to()) ? b.from() : b.to();
                String from = entering ? other : hop.node();
                String to = entering ? hop.node() : other;
                return new EdgeHop(id, true, from, to, from.equals(b.from()));
            });
            case BROKER, OUTSIDE_CLIENT -> Optional.empty();
        };
    }
}

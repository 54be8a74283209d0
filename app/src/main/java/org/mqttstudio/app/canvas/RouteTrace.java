package org.mqttstudio.app.canvas;

import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.mqttstudio.routing.Hop;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.RouteTableText;
import org.mqttstudio.routing.Unheard;
import org.mqttstudio.routing.Unreached;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * The routes through one publisher or subscriber: the ids of every element passed (client links
 * are keyed by their client's id), a hop-by-hop description, or why nothing gets through, and
 * per broker passed the topic and QoS messages have there ({@code hopTags}).
 */
record RouteTrace(Set<String> elements, String text, Map<String, String> hopTags) {
    static final RouteTrace NONE = new RouteTrace(Set.of(), "", Map.of());

    static RouteTrace of(Topology t, RouteTable table, String elementId) {
        if (elementId == null) {
            return NONE;
        }
        var node = t.node(elementId);
        if (node.isEmpty()) {
            return NONE;
        }
        if (node.get() instanceof Publisher p) {
            List<Route> routes = table.routesFrom(p.id());
            String why = table.unheard().stream().filter(u -> u.publisherId().equals(p.id())).map(Unheard::reason)
                    .collect(Collectors.joining("; "));
            return trace(t, routes, p.name() + ": no subscriber receives its messages"
                    + (why.isEmpty() ? "" : " — " + why));
        }
        if (node.get() instanceof Subscriber s) {
            List<Route> routes = table.routesTo(s.id());
            String why = table.unreached().stream().filter(u -> u.subscriberId().equals(s.id()))
                    .map(u -> u.filter() + ": " + u.reason()).collect(Collectors.joining("; "));
            return trace(t, routes, s.name() + ": nothing reaches it" + (why.isEmpty() ? "" : " — " + why));
        }
        return NONE;
    }

    private static RouteTrace trace(Topology t, List<Route> routes, String whenNone) {
        if (routes.isEmpty()) {
            return new RouteTrace(Set.of(), whenNone, Map.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        for (Route r : routes) {
            ids.add(r.publisherId());
            ids.add(r.subscriberId());
            for (Hop h : r.hops()) {
                ids.add(h.brokerId());
                tags.computeIfAbsent(h.brokerId(), k -> new LinkedHashSet<>()).add(h.topic() + " · QoS " + h.qos());
                if (h.viaBridgeId() != null) {
                    ids.add(h.viaBridgeId());
                }
            }
        }
        String text = routes.stream().map(r -> t.nameOf(r.publisherId()) + " -> " + RouteTableText.path(t, r)
                + " -> " + t.nameOf(r.subscriberId()) + " [" + r.filter() + ", QoS " + r.qos() + "]")
                .collect(Collectors.joining("\n"));
        Map<String, String> hopTags = new LinkedHashMap<>();
        tags.forEach((broker, lines) -> hopTags.put(broker, String.join("\n", lines)));
        return new RouteTrace(Set.copyOf(ids), text, Map.copyOf(hopTags));
    }
}

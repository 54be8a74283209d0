package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reaches whom in a topology, and what does not: the {@link Router}'s answer. */
public record RouteTable(List<Route> routes, List<Unreached> unreached, List<Unheard> unheard, List<Loop> loops) {
    public RouteTable {
        routes = List.copyOf(routes);
        unreached = List.copyOf(unreached);
        unheard = List.copyOf(unheard);
        loops = List.copyOf(loops);
    }

    /**
     * The routes grouped into {@link Arrival}s: per publisher, subscriber, bridges passed and topic,
     * in the order of their first route.
     */
    public List<Arrival> arrivals() {
        Map<List<Object>, List<Route>> groups = new LinkedHashMap<>();
        routes.forEach(r -> groups.computeIfAbsent(List.of(r.publisherId(), r.subscriberId(), r.bridgeIds(),
                r.topicAtSubscriber()), k -> new ArrayList<>()).add(r));
        return groups.values().stream().map(Arrival::new).toList();
    }

    public List<Route> routesTo(String subscriberId) {
        return routes.stream().filter(r -> r.subscriberId().equals(subscriberId)).toList();
    }

    public List<Route> routesFrom(String publisherId) {
        return routes.stream().filter(r -> r.publisherId().equals(publisherId)).toList();
    }
}

package org.mqttstudio.routing;

import java.util.List;

/** What reaches whom in a topology, and what does not: the {@link Router}'s answer. */
public record RouteTable(List<Route> routes, List<Unreached> unreached, List<Unheard> unheard, List<Loop> loops) {
    public RouteTable {
        routes = List.copyOf(routes);
        unreached = List.copyOf(unreached);
        unheard = List.copyOf(unheard);
        loops = List.copyOf(loops);
    }

    public List<Route> routesTo(String subscriberId) {
        return routes.stream().filter(r -> r.subscriberId().equals(subscriberId)).toList();
    }

    public List<Route> routesFrom(String publisherId) {
        return routes.stream().filter(r -> r.publisherId().equals(publisherId)).toList();
    }
}

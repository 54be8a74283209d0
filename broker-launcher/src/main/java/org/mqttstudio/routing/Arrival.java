package org.mqttstudio.routing;

import java.util.List;

/**
 * A publisher's messages reaching one subscriber over one path of bridges, as one topic: one
 * {@link Route} per filter of the subscriber that matches them there.
 *
 * @param routes one or more routes with the same publisher, subscriber and bridges, one per filter
 */
public record Arrival(List<Route> routes) {
    public Arrival {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("an arrival has at least one route");
        }
        Route first = routes.get(0);
        if (routes.stream().anyMatch(r -> !r.publisherId().equals(first.publisherId())
                || !r.subscriberId().equals(first.subscriberId()) || !r.bridgeIds().equals(first.bridgeIds())
                || !r.topicAtSubscriber().equals(first.topicAtSubscriber()))) {
            throw new IllegalArgumentException(
                    "the routes of an arrival share publisher, subscriber, bridges and topic");
        }
    }

    public String publisherId() {
        return routes.get(0).publisherId();
    }

    public String subscriberId() {
        return routes.get(0).subscriberId();
    }

    public List<String> bridgeIds() {
        return routes.get(0).bridgeIds();
    }

    /** The topic as the subscriber receives it. */
    public String topic() {
        return routes.get(0).topicAtSubscriber();
    }

    public List<String> filters() {
        return routes.stream().map(Route::filter).toList();
    }

    /** Several filters of the subscriber match the message here. */
    public boolean overlapping() {
        return routes.size() > 1;
    }

    /** How many copies of each message the subscriber receives this way from a broker answering overlaps so. */
    public int copies(OverlapPolicy policy) {
        return policy == OverlapPolicy.COPY_PER_SUBSCRIPTION && routes.get(0).mqtt5Subscriber() ? routes.size() : 1;
    }
}

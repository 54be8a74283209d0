package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mqttstudio.routing.Hop;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * What a run delivered, compared with what the {@link org.mqttstudio.routing.Router} expects:
 * each published message should reach every subscriber a route leads to, once per distinct path
 * (as the topic looks at the subscriber, after prefix remaps). A message received more often than
 * that is a duplicate; one received less often was not delivered.
 *
 * @param subscribers one entry per subscriber of the topology, in its order
 * @param undelivered what was published but did not arrive, per subscriber and topic
 */
public record RunSummary(List<SubscriberSummary> subscribers, List<Undelivered> undelivered) {

    public RunSummary {
        subscribers = List.copyOf(subscribers);
        undelivered = List.copyOf(undelivered);
    }

    /**
     * @param receivedByTopic messages received per topic, sorted by topic
     * @param duplicates copies beyond what the routes explain, of messages that were published
     */
    public record SubscriberSummary(String subscriberId, Map<String, Long> receivedByTopic, long duplicates) {
        public SubscriberSummary {
            receivedByTopic = Map.copyOf(receivedByTopic);
        }

        public long received() {
            return receivedByTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code expected} copies of published messages should have reached the subscriber on {@code topic}. */
    public record Undelivered(String subscriberId, String topic, List<String> publisherIds, long expected,
            long received) {
        public Undelivered {
            publisherIds = List.copyOf(publisherIds);
        }
    }

    /** A message as a subscriber sees it. */
    private record Key(String subscriberId, String topic, String payload) {
    }

    /**
     * @param published per publisher id, how often each payload was published
     * @param deliveries everything the subscribers received
     */
    public static RunSummary of(Topology topology, RouteTable routes, Map<String, Map<String, Long>> published,
            List<Delivery> deliveries) {
        Map<Key, Long> expected = new LinkedHashMap<>();
        Map<Key, Set<String>> from = new LinkedHashMap<>();
        Set<List<Object>> paths = new LinkedHashSet<>();
        for (Route route : routes.routes()) {
            List<Hop> hops = route.hops();
            // overlapping filters of one subscriber deliver once; separate bridge paths deliver once each
            if (!paths.add(List.of(route.publisherId(), route.subscriberId(), route.bridgeIds()))) {
                continue;
            }
            String topic = hops.get(hops.size() - 1).topic();
            published.getOrDefault(route.publisherId(), Map.of()).forEach((payload, count) -> {
                Key key = new Key(route.subscriberId(), topic, payload);
                expected.merge(key, count, Long::sum);
                from.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(route.publisherId());
            });
        }
        Map<Key, Long> received = new LinkedHashMap<>();
        deliveries.forEach(d -> received.merge(new Key(d.subscriberId(), d.topic(), d.payloadText()), 1L, Long::sum));

        List<SubscriberSummary> subscribers = new ArrayList<>();
        for (Subscriber s : topology.subscribers()) {
            Map<String, Long> byTopic = new TreeMap<>();
            long duplicates = 0;
            for (Map.Entry<Key, Long> r : received.entrySet()) {
                if (r.getKey().subscriberId().equals(s.id())) {
                    byTopic.merge(r.getKey().topic(), r.getValue(), Long::sum);
                    long wanted = expected.getOrDefault(r.getKey(), 0L);
                    duplicates += wanted > 0 ? Math.max(0, r.getValue() - wanted) : 0;
                }
            }
            subscribers.add(new SubscriberSummary(s.id(), byTopic, duplicates));
        }
        Map<List<String>, long[]> totals = new LinkedHashMap<>(); // expected, received per subscriber and topic
        Map<List<String>, Set<String>> shortOf = new LinkedHashMap<>();
        expected.forEach((key, wanted) -> {
            long got = Math.min(wanted, received.getOrDefault(key, 0L));
            List<String> where = List.of(key.subscriberId(), key.topic());
            long[] counts = totals.computeIfAbsent(where, w -> new long[2]);
            counts[0] += wanted;
            counts[1] += got;
            if (got < wanted) {
                shortOf.computeIfAbsent(where, w -> new LinkedHashSet<>()).addAll(from.get(key));
            }
        });
        List<Undelivered> undelivered = new ArrayList<>();
        shortOf.forEach((where, publishers) -> undelivered.add(new Undelivered(where.get(0), where.get(1),
                List.copyOf(publishers), totals.get(where)[0], totals.get(where)[1])));
        return new RunSummary(subscribers, undelivered);
    }

    /** The summary as the terminal shows it, one line each. */
    public List<String> lines(Topology topology) {
        List<String> lines = new ArrayList<>();
        for (SubscriberSummary s : subscribers) {
            StringBuilder line = new StringBuilder(topology.nameOf(s.subscriberId())).append(": ")
                    .append(s.received()).append(" received");
            if (!s.receivedByTopic().isEmpty()) {
                List<String> topics = new ArrayList<>();
                s.receivedByTopic().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> topics.add(e.getKey() + ": " + e.getValue()));
                line.append(" (").append(String.join(", ", topics)).append(')');
            }
            String duplicates = s.duplicates() == 1 ? " duplicate" : " duplicates";
            lines.add(line.append(", ").append(s.duplicates()).append(duplicates).toString());
        }
        if (undelivered.isEmpty()) {
            lines.add("not delivered: nothing");
        }
        for (Undelivered u : undelivered) {
            lines.add("not delivered: " + (u.expected() - u.received()) + " of " + u.expected() + " messages on "
                    + u.topic() + " from " + String.join(", ", u.publisherIds().stream().map(topology::nameOf).toList())
                    + " to " + topology.nameOf(u.subscriberId()));
        }
        return lines;
    }
}

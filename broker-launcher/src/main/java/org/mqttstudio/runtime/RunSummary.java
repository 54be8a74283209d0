package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mqttstudio.topology.Topology;

/**
 * What a run published and delivered, compared with what the {@link org.mqttstudio.routing.Router}
 * expects ({@link DeliveryLedger}): each published message should reach every subscriber a route
 * leads to, once per distinct path (as the topic looks at the subscriber, after prefix remaps), times
 * the copies the runtime sends for overlapping filters of an MQTT 5 subscriber. A message received
 * more often than that is a duplicate; one received less often was not delivered.
 *
 * @param publishers one entry per publisher of the topology, in its order
 * @param subscribers one entry per subscriber of the topology, in its order
 * @param undelivered what was published but did not arrive, per subscriber and topic
 */
public record RunSummary(List<PublisherSummary> publishers, List<SubscriberSummary> subscribers,
        List<Undelivered> undelivered) {

    public RunSummary {
        publishers = List.copyOf(publishers);
        subscribers = List.copyOf(subscribers);
        undelivered = List.copyOf(undelivered);
    }

    /**
     * @param sent messages handed to the client library
     * @param published of those, acknowledged by the broker (written, at QoS 0)
     * @param failed of those, given up by the client library (not expected anywhere)
     */
    public record PublisherSummary(String publisherId, long sent, long published, long failed) {
    }

    /**
     * @param receivedByTopic PUBLISH packets received per topic, sorted by topic
     * @param duplicates packets beyond what the routes explain, of messages that were published
     * @param bySubscriptionIdentifiers MQTT 5 only: packets per set of subscription identifiers carried
     */
    public record SubscriberSummary(String subscriberId, Map<String, Long> receivedByTopic, long duplicates,
            List<IdentifierCount> bySubscriptionIdentifiers) {
        public SubscriberSummary {
            receivedByTopic = Collections.unmodifiableSortedMap(new TreeMap<>(receivedByTopic));
            bySubscriptionIdentifiers = List.copyOf(bySubscriptionIdentifiers);
        }

        public long received() {
            return receivedByTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code packets} PUBLISH packets carried exactly these subscription identifiers. */
    public record IdentifierCount(List<Integer> subscriptionIdentifiers, long packets) {
        public IdentifierCount {
            subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
        }
    }

    /** {@code expected} copies of published messages should have reached the subscriber on {@code topic}. */
    public record Undelivered(String subscriberId, String topic, List<String> publisherIds, long expected,
            long received) {
        public Undelivered {
            publisherIds = List.copyOf(publisherIds);
        }
    }

    /** The summary as the terminal shows it, one line each. */
    public List<String> lines(Topology topology) {
        List<String> lines = new ArrayList<>();
        for (PublisherSummary p : publishers) {
            lines.add(topology.nameOf(p.publisherId()) + ": " + p.published() + " published"
                    + (p.failed() > 0 ? ", " + p.failed() + " failed" : ""));
        }
        for (SubscriberSummary s : subscribers) {
            StringBuilder line = new StringBuilder(topology.nameOf(s.subscriberId())).append(": ")
                    .append(s.received()).append(" received");
            if (!s.receivedByTopic().isEmpty()) {
                line.append(" (").append(s.receivedByTopic().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))).append(')');
            }
            String duplicates = s.duplicates() == 1 ? " duplicate" : " duplicates";
            line.append(", ").append(s.duplicates()).append(duplicates);
            if (!s.bySubscriptionIdentifiers().isEmpty()) {
                line.append("; subscription identifiers ").append(s.bySubscriptionIdentifiers().stream()
                        .map(c -> c.subscriptionIdentifiers().stream().map(String::valueOf)
                                .collect(Collectors.joining("+")) + ": " + c.packets())
                        .collect(Collectors.joining(", ")));
            }
            lines.add(line.toString());
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

package org.mqttstudio.app.deliveries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.mqttstudio.runtime.RunSummary;
import org.mqttstudio.topology.Topology;

/**
 * A run's delivery figures as the deliveries view shows them, formatted off the FX thread: a row per publisher and
 * a row per subscriber and topic, from one {@link RunSummary} (what {@code studio run} prints on exit).
 *
 * @param publishers one row per publisher, in the topology's order
 * @param topics one row per subscriber and topic (received or expected), in the topology's order, topics sorted
 */
public record DeliveryTotals(List<PublisherRow> publishers, List<TopicRow> topics) {
    /** The figures before a run has counted anything. */
    public static final DeliveryTotals NONE = new DeliveryTotals(List.of(), List.of());
    /** The topic cell of a subscriber that has neither received nor been sent anything yet. */
    static final String NO_TOPIC = "—";

    public DeliveryTotals {
        publishers = List.copyOf(publishers);
        topics = List.copyOf(topics);
    }

    /**
     * @param awaitingAck handed to the client library, neither acknowledged by the broker nor given up yet
     */
    public record PublisherRow(String publisherId, String publisher, String topic, long sent, long published,
            long failed, long awaitingAck) {
        public PublisherRow {
            Objects.requireNonNull(publisherId, "publisherId");
        }
    }

    /**
     * @param missing copies the route table expects here that have not arrived: still in flight, held behind a cut
     *     link, or lost (the ledger cannot tell these apart while the run goes on)
     * @param duplicates the subscriber's duplicates over all its topics (the ledger counts them per subscriber);
     *     null on the subscriber's later rows, which leave that cell empty
     */
    public record TopicRow(String subscriberId, String subscriber, String topic, long received, long missing,
            Long duplicates) {
        public TopicRow {
            Objects.requireNonNull(subscriberId, "subscriberId");
            Objects.requireNonNull(topic, "topic");
        }
    }

    public static DeliveryTotals of(RunSummary summary, Topology topology) {
        List<PublisherRow> publishers = new ArrayList<>();
        for (RunSummary.PublisherSummary p : summary.publishers()) {
            String topic = topology.publishers().stream().filter(pub -> pub.id().equals(p.publisherId()))
                    .map(pub -> pub.topic()).findFirst().orElse("");
            publishers.add(new PublisherRow(p.publisherId(), topology.nameOf(p.publisherId()), topic, p.sent(),
                    p.published(), p.failed(), Math.max(0, p.sent() - p.published() - p.failed())));
        }
        Map<String, Map<String, Long>> missing = new LinkedHashMap<>();
        for (RunSummary.Undelivered u : summary.undelivered()) {
            missing.computeIfAbsent(u.subscriberId(), s -> new LinkedHashMap<>())
                    .merge(u.topic(), u.expected() - u.received(), Long::sum);
        }
        List<TopicRow> topics = new ArrayList<>();
        for (RunSummary.SubscriberSummary s : summary.subscribers()) {
            Map<String, Long> notArrived = missing.getOrDefault(s.subscriberId(), Map.of());
            TreeSet<String> seen = new TreeSet<>(s.receivedByTopic().keySet());
            seen.addAll(notArrived.keySet());
            String name = topology.nameOf(s.subscriberId());
            if (seen.isEmpty()) {
                topics.add(new TopicRow(s.subscriberId(), name, NO_TOPIC, 0, 0, s.duplicates()));
            }
            boolean first = true;
            for (String topic : seen) {
                topics.add(new TopicRow(s.subscriberId(), name, topic, s.receivedByTopic().getOrDefault(topic, 0L),
                        notArrived.getOrDefault(topic, 0L), first ? s.duplicates() : null));
                first = false;
            }
        }
        return new DeliveryTotals(publishers, topics);
    }
}

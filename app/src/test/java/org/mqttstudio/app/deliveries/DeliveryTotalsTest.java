package org.mqttstudio.app.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.runtime.RunSummary;
import org.mqttstudio.topology.Topology;

/** The rows the deliveries tab makes of a run summary, on the challenge's elements. */
class DeliveryTotalsTest {
    @Test
    void aRowPerSubscriberAndTopicReceivedOrExpectedWithTheDuplicatesOnItsFirstRow() throws Exception {
        Topology challenge = DeliveriesWorkspace.challenge();
        RunSummary summary = new RunSummary(
                List.of(new RunSummary.PublisherSummary("publisher1", 12, 10, 1),
                        new RunSummary.PublisherSummary("publisher2", 0, 0, 0)),
                List.of(new RunSummary.SubscriberSummary("humidity-subscriber",
                                Map.of("srv/humidity", 9L, "other/topic", 2L), 3, List.of()),
                        new RunSummary.SubscriberSummary("temperature-subscriber", Map.of(), 0, List.of())),
                List.of(new RunSummary.Undelivered("humidity-subscriber", "srv/humidity", List.of("publisher1"), 11,
                                8),
                        new RunSummary.Undelivered("humidity-subscriber", "late/topic", List.of("publisher1"), 1, 0)));

        DeliveryTotals totals = DeliveryTotals.of(summary, challenge);

        assertThat(totals.publishers()).extracting(DeliveryTotals.PublisherRow::publisher,
                        DeliveryTotals.PublisherRow::topic, DeliveryTotals.PublisherRow::sent,
                        DeliveryTotals.PublisherRow::published, DeliveryTotals.PublisherRow::failed,
                        DeliveryTotals.PublisherRow::awaitingAck)
                .containsExactly(tuple("Publisher1", "srv/humidity", 12L, 10L, 1L, 1L),
                        tuple("Publisher2", "srv/temperature", 0L, 0L, 0L, 0L));
        assertThat(totals.topics()).extracting(DeliveryTotals.TopicRow::subscriber, DeliveryTotals.TopicRow::topic,
                        DeliveryTotals.TopicRow::received, DeliveryTotals.TopicRow::missing,
                        DeliveryTotals.TopicRow::duplicates)
                .containsExactly(tuple("HumiditySubscriber", "late/topic", 0L, 1L, 3L),
                        tuple("HumiditySubscriber", "other/topic", 2L, 0L, null),
                        tuple("HumiditySubscriber", "srv/humidity", 9L, 3L, null),
                        tuple("TemperatureSubscriber", DeliveryTotals.NO_TOPIC, 0L, 0L, 0L));
    }
}

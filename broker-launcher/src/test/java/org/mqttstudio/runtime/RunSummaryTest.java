package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/** The summary the ledger gives compares deliveries with the router's routes: counts, duplicates, losses. */
class RunSummaryTest {
    private final Topology challenge = Samples.load("challenge");

    static Delivery delivery(String subscriber, String topic, String payload, Integer... subscriptionIds) {
        return new Delivery(subscriber, topic, payload.getBytes(StandardCharsets.UTF_8), 2, false, Instant.now(),
                List.of(subscriptionIds));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsPerTopicDuplicatesAndWhatWasNotDelivered() {
        DeliveryLedger ledger = new DeliveryLedger(challenge, new Router().routes(challenge), OverlapPolicy.ONE_COPY);
        for (int i = 0; i < 3; i++) {
            ledger.published(ledger.sent("publisher1", utf8("Humidity: 10%")));
        }
        for (int i = 0; i < 2; i++) {
            ledger.published(ledger.sent("publisher2", utf8("Temperature: 24°C")));
        }
        for (int i = 0; i < 4; i++) { // one more than published: a duplicate
            ledger.received(delivery("humidity-subscriber", "srv/humidity", "Humidity: 10%"));
        }
        ledger.received(delivery("temperature-subscriber", "srv/temperature", "Temperature: 24°C"));

        RunSummary summary = ledger.summary();

        assertThat(summary.publishers()).extracting(RunSummary.PublisherSummary::publisherId,
                        RunSummary.PublisherSummary::sent, RunSummary.PublisherSummary::published)
                .containsExactly(tuple("publisher1", 3L, 3L), tuple("publisher2", 2L, 2L));
        assertThat(summary.subscribers()).extracting(RunSummary.SubscriberSummary::subscriberId,
                        RunSummary.SubscriberSummary::receivedByTopic, RunSummary.SubscriberSummary::duplicates)
                .containsExactly(tuple("humidity-subscriber", Map.of("srv/humidity", 4L), 1L),
                        tuple("temperature-subscriber", Map.of("srv/temperature", 1L), 0L));
        assertThat(summary.undelivered()).containsExactly(new RunSummary.Undelivered("temperature-subscriber",
                "srv/temperature", List.of("publisher2"), 2, 1));
        assertThat(summary.lines(challenge)).containsExactly(
                "Publisher1: 3 published",
                "Publisher2: 2 published",
                "HumiditySubscriber: 4 received (srv/humidity: 4), 1 duplicate",
                "TemperatureSubscriber: 1 received (srv/temperature: 1), 0 duplicates",
                "not delivered: 1 of 2 messages on srv/temperature from Publisher2 to TemperatureSubscriber");
    }
}

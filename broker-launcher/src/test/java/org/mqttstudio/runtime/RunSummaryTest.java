package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/** The summary compares deliveries with the router's routes: counts, duplicates, losses. */
class RunSummaryTest {
    private final Topology challenge = Samples.load("challenge");

    private static Delivery delivery(String subscriber, String topic, String payload) {
        return new Delivery(subscriber, topic, payload.getBytes(StandardCharsets.UTF_8), 2, false, Instant.now());
    }

    @Test
    void countsPerTopicDuplicatesAndWhatWasNotDelivered() {
        Map<String, Map<String, Long>> published = Map.of(
                "publisher1", Map.of("Humidity: 10%", 3L),
                "publisher2", Map.of("Temperature: 24°C", 2L));
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // one more than published: a duplicate
            deliveries.add(delivery("humidity-subscriber", "srv/humidity", "Humidity: 10%"));
        }
        deliveries.add(delivery("temperature-subscriber", "srv/temperature", "Temperature: 24°C"));

        RunSummary summary = RunSummary.of(challenge, new Router().routes(challenge), published, deliveries);

        assertThat(summary.subscribers()).extracting(RunSummary.SubscriberSummary::subscriberId,
                        RunSummary.SubscriberSummary::receivedByTopic, RunSummary.SubscriberSummary::duplicates)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("humidity-subscriber", Map.of("srv/humidity", 4L), 1L),
                        org.assertj.core.groups.Tuple.tuple("temperature-subscriber", Map.of("srv/temperature", 1L),
                                0L));
        assertThat(summary.undelivered()).containsExactly(new RunSummary.Undelivered("temperature-subscriber",
                "srv/temperature", List.of("publisher2"), 2, 1));
        assertThat(summary.lines(challenge)).containsExactly(
                "HumiditySubscriber: 4 received (srv/humidity: 4), 1 duplicate",
                "TemperatureSubscriber: 1 received (srv/temperature: 1), 0 duplicates",
                "not delivered: 1 of 2 messages on srv/temperature from Publisher2 to TemperatureSubscriber");
    }
}

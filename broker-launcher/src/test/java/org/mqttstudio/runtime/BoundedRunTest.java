package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * A real run with more messages than the runner keeps deliveries for: the summary still counts every
 * one (the ledger's counters), while {@link TopologyRunner#deliveries()} holds only the latest ones.
 * {@link DeliveryLedgerTest} drives the ledger itself with a million messages.
 */
class BoundedRunTest {
    private static final int MESSAGES = DeliveryLedger.DEFAULT_RECENT + 2_000;

    @Test
    void moreMessagesThanTheRecentWindowAreAllCountedAndTheWindowStaysBounded() {
        Topology topology = Topology.of("fast", List.of(Broker.simple("b", "b", 1883, true, null)), List.of(),
                List.of(), List.of(new Publisher("p", "p", "b", ClientSettings.of("p"), "t", "m{seq}", 1, MESSAGES, 1,
                        false, null)),
                List.of(new Subscriber("s", "s", "b", ClientSettings.of("s"), List.of(new Subscription("t", 1)),
                        null)));
        try (TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults()
                .withPortOffset(ChallengeRunTest.freeOffset(topology)))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                RunSummary summary = runner.summary();
                assertThat(summary.publishers().get(0).published()).isEqualTo(MESSAGES);
                assertThat(summary.undelivered()).isEmpty();
            });
            RunSummary summary = runner.summary();
            assertThat(summary.subscribers().get(0).received()).isEqualTo(MESSAGES);
            assertThat(summary.subscribers().get(0).duplicates()).isZero();
            List<Delivery> recent = runner.deliveries();
            assertThat(recent).hasSize(DeliveryLedger.DEFAULT_RECENT);
            assertThat(recent.get(recent.size() - 1).payloadText()).isEqualTo("m" + MESSAGES);
        }
    }
}

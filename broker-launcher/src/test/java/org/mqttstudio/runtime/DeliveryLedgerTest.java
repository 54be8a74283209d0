package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.routing.TopologyBuilder.topology;
import static org.mqttstudio.runtime.RunSummaryTest.delivery;
import static org.mqttstudio.runtime.RunSummaryTest.utf8;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.MqttVersion;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/** The ledger's judgement (copies per runtime, duplicates, missing) and the bounds of every store it keeps. */
class DeliveryLedgerTest {
    /** One broker; p publishes a/b; v5 and v3 subscribe with +/b at QoS 1 and # at QoS 0. */
    private static final Topology OVERLAP = topology().broker("b0").pub("p", "b0", "a/b", 2)
            .sub("v5", "b0", DeliveryLedgerTest::mqtt5, new Subscription("+/b", 1), new Subscription("#", 0))
            .sub("v3", "b0", s -> s, new Subscription("+/b", 1), new Subscription("#", 0)).build();

    private static final Topology ONE_TO_ONE = topology().broker("b").pub("p", "b", "t", 1).sub("s", "b", "t", 1)
            .build();

    static Subscriber mqtt5(Subscriber s) {
        return new Subscriber(s.id(), s.name(), s.broker(), new ClientSettings(s.client().clientId(), MqttVersion.V5,
                null, null, null, null), s.subscriptions(), null);
    }

    private static DeliveryLedger ledger(Topology t, OverlapPolicy policy) {
        return new DeliveryLedger(t, new Router().routes(t), policy);
    }

    private static RunSummary.SubscriberSummary of(RunSummary summary, String subscriberId) {
        return summary.subscribers().stream().filter(s -> s.subscriberId().equals(subscriberId)).findFirst()
                .orElseThrow();
    }

    @Test
    void anMqtt5SubscriberWithOverlappingFiltersExpectsOneCopyFromHiveMqAndOnePerFilterFromMosquitto() {
        DeliveryLedger hivemq = ledger(OVERLAP, OverlapPolicy.ONE_COPY);
        DeliveryLedger mosquitto = ledger(OVERLAP, OverlapPolicy.COPY_PER_SUBSCRIPTION);
        for (DeliveryLedger l : List.of(hivemq, mosquitto)) {
            l.published(l.sent("p", utf8("m1")));
            l.received(delivery("v3", "a/b", "m1"));
        }
        hivemq.received(delivery("v5", "a/b", "m1", 1, 2));
        mosquitto.received(delivery("v5", "a/b", "m1", 1));
        assertThat(mosquitto.summary().undelivered()).singleElement().satisfies(u -> {
            assertThat(u.subscriberId()).isEqualTo("v5");
            assertThat(u.expected()).isEqualTo(2);
            assertThat(u.received()).isEqualTo(1);
        });
        mosquitto.received(delivery("v5", "a/b", "m1", 2));

        for (DeliveryLedger l : List.of(hivemq, mosquitto)) {
            assertThat(l.summary().undelivered()).isEmpty();
            assertThat(l.missing()).isZero();
        }
        assertThat(of(hivemq.summary(), "v5").bySubscriptionIdentifiers())
                .containsExactly(new RunSummary.IdentifierCount(List.of(1, 2), 1));
        assertThat(of(mosquitto.summary(), "v5").bySubscriptionIdentifiers()).containsExactly(
                new RunSummary.IdentifierCount(List.of(1), 1), new RunSummary.IdentifierCount(List.of(2), 1));
        // a second copy on HiveMQ is one more than its route table predicts; a 3.1.1 client gets one copy on both
        hivemq.received(delivery("v5", "a/b", "m1", 1, 2));
        mosquitto.received(delivery("v3", "a/b", "m1"));
        assertThat(of(hivemq.summary(), "v5").duplicates()).isOne();
        assertThat(of(mosquitto.summary(), "v3").duplicates()).isOne();
        assertThat(of(mosquitto.summary(), "v5").duplicates()).isZero();
    }

    @Test
    void aPublishThatFailedIsNoLongerExpected() {
        DeliveryLedger ledger = ledger(ONE_TO_ONE, OverlapPolicy.ONE_COPY);
        ledger.published(ledger.sent("p", utf8("a")));
        ledger.failed(ledger.sent("p", utf8("b")));
        assertThat(ledger.missing()).isOne();

        ledger.received(delivery("s", "t", "a"));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.summary().undelivered()).isEmpty();
        assertThat(ledger.summary().publishers()).singleElement()
                .isEqualTo(new RunSummary.PublisherSummary("p", 2, 1, 1));
    }

    @Test
    void aMessageThatLeftTheWindowUnmatchedStaysMissingAndALateCopyIsOnlyReceived() {
        DeliveryLedger ledger = new DeliveryLedger(ONE_TO_ONE, new Router().routes(ONE_TO_ONE),
                OverlapPolicy.ONE_COPY, 10, 5);
        for (int i = 1; i <= 20; i++) {
            ledger.sent("p", utf8("m" + i));
        }
        ledger.received(delivery("s", "t", "m1")); // left the window: neither matched nor a duplicate
        ledger.received(delivery("s", "t", "m20"));
        ledger.received(delivery("s", "t", "m20"));

        RunSummary summary = ledger.summary();
        assertThat(ledger.sizes().pendings()).isEqualTo(10);
        assertThat(summary.undelivered()).containsExactly(
                new RunSummary.Undelivered("s", "t", List.of("p"), 20, 1));
        assertThat(of(summary, "s").receivedByTopic()).isEqualTo(Map.of("t", 3L));
        assertThat(of(summary, "s").duplicates()).isOne();
    }

    @Test
    void oneMillionMessagesKeepEveryStoreUnderItsBound() {
        int window = 4_096;
        int recent = 1_000;
        DeliveryLedger ledger = new DeliveryLedger(ONE_TO_ONE, new Router().routes(ONE_TO_ONE),
                OverlapPolicy.ONE_COPY, window, recent);
        long lost = 0;
        long doubled = 0;
        int maxPendings = 0;
        int maxKeys = 0;
        for (int i = 1; i <= 1_000_000; i++) {
            byte[] payload = utf8("p #" + i);
            ledger.published(ledger.sent("p", payload));
            if (i % 10_007 == 0) {
                lost++;
                continue;
            }
            ledger.received(delivery("s", "t", "p #" + i));
            if (i % 1_000 == 0) {
                ledger.received(delivery("s", "t", "p #" + i));
                doubled++;
            }
            if (i % 997 == 0) {
                DeliveryLedger.Sizes sizes = ledger.sizes();
                maxPendings = Math.max(maxPendings, sizes.pendings());
                maxKeys = Math.max(maxKeys, sizes.keys());
                assertThat(sizes.recent()).isLessThanOrEqualTo(recent);
                assertThat(sizes.topics()).isOne();
                assertThat(sizes.tallies()).isEqualTo(3); // one publisher, one subscriber, one route
            }
        }

        assertThat(maxPendings).isEqualTo(window);
        assertThat(maxKeys).isEqualTo(window);
        assertThat(ledger.sizes().recent()).isEqualTo(recent);
        RunSummary summary = ledger.summary();
        assertThat(summary.publishers()).singleElement()
                .isEqualTo(new RunSummary.PublisherSummary("p", 1_000_000, 1_000_000, 0));
        assertThat(of(summary, "s").received()).isEqualTo(1_000_000 - lost + doubled);
        assertThat(of(summary, "s").duplicates()).isEqualTo(doubled);
        assertThat(summary.undelivered()).containsExactly(
                new RunSummary.Undelivered("s", "t", List.of("p"), 1_000_000, 1_000_000 - lost));
    }

    @Test
    void oneMillionCopiesOfOnePayloadAreCountedAsAMultiset() {
        DeliveryLedger ledger = new DeliveryLedger(ONE_TO_ONE, new Router().routes(ONE_TO_ONE),
                OverlapPolicy.ONE_COPY, 1_000, 10);
        for (int i = 0; i < 1_000_000; i++) {
            ledger.sent("p", utf8("same"));
            ledger.received(delivery("s", "t", "same"));
        }
        ledger.received(delivery("s", "t", "same"));

        assertThat(ledger.sizes().keys()).isOne();
        assertThat(ledger.sizes().pendings()).isEqualTo(1_000);
        assertThat(of(ledger.summary(), "s").duplicates()).isOne();
        assertThat(ledger.missing()).isZero();
    }

    @Test
    void topicsOfOneSubscriberAreCountedUpToTheBound() {
        Topology t = topology().broker("b").sub("s", "b", "#", 0).build();
        DeliveryLedger ledger = ledger(t, OverlapPolicy.ONE_COPY);
        for (int i = 0; i < DeliveryLedger.MAX_TOPICS + 500; i++) {
            ledger.received(delivery("s", "outside/" + i, "x"));
        }
        RunSummary.SubscriberSummary s = of(ledger.summary(), "s");
        assertThat(s.receivedByTopic()).hasSize(DeliveryLedger.MAX_TOPICS + 1)
                .containsEntry(DeliveryLedger.OTHER_TOPICS, 500L);
        assertThat(s.received()).isEqualTo(DeliveryLedger.MAX_TOPICS + 500);
    }
}

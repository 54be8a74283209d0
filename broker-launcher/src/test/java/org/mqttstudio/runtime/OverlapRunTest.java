package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.routing.TopologyBuilder;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.MqttVersion;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;

/**
 * Issue 16's topology on both runtimes: b1 bridges to b0 ({@code # both 2} and {@code # in 2 "" out/}), P1 on
 * b1 sends 6 messages on a/b at QoS 2, and on b0 an MQTT 5 and a 3.1.1 subscriber each have the filters
 * {@code +/b} at QoS 1 and {@code #} at QoS 0. The summary counts exactly the PUBLISH packets the trace shows:
 * HiveMQ sends the MQTT 5 client one packet per message carrying both subscription identifiers, mosquitto
 * one per filter with its own identifier and QoS; the 3.1.1 client gets one packet per message on both. No
 * duplicates, nothing missing: the route table predicts those copies per runtime.
 */
class OverlapRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MESSAGES = 6;

    @ParameterizedTest
    @EnumSource(RunOptions.Runtime.class)
    void theSummaryCountsThePublishPacketsTheTraceShows(RunOptions.Runtime runtime) {
        Topology topology = TopologyBuilder.overlappingFilters(MESSAGES);
        RunSummary summary;
        List<PacketEvent> trace;
        List<Delivery> deliveries;
        try (TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(ChallengeRunTest.freeOffset(topology)))) {
            await().atMost(WAIT).until(() -> runner.summary().publishers().get(0).published() == MESSAGES
                    && runner.summary().undelivered().isEmpty());
            runner.stop();
            summary = runner.summary();
            trace = runner.packets().snapshot().stream().map(SequencedPacket::event).toList();
            deliveries = runner.deliveries();
        }

        boolean mosquitto = runtime == RunOptions.Runtime.MOSQUITTO;
        List<PacketEvent> toS0 = publishesTo(trace, "S0");
        List<PacketEvent> toS3 = publishesTo(trace, "S3");
        assertThat(toS0).hasSize(mosquitto ? 2 * MESSAGES : MESSAGES);
        assertThat(toS3).hasSize(MESSAGES);
        assertThat(received(summary, "S0")).isEqualTo(Map.of("a/b", (long) toS0.size()));
        assertThat(received(summary, "S3")).isEqualTo(Map.of("a/b", (long) toS3.size()));
        assertThat(summary.subscribers()).allSatisfy(s -> assertThat(s.duplicates()).isZero());
        assertThat(summary.undelivered()).isEmpty();

        // which identifiers each packet carried, and at which QoS: as the trace shows them
        Map<String, Long> byIds = deliveries.stream().filter(d -> d.subscriberId().equals("S0"))
                .collect(Collectors.groupingBy(d -> d.subscriptionIdentifiers().stream().sorted().toList() + " q"
                        + d.qos(), Collectors.counting()));
        assertThat(byIds).isEqualTo(toS0.stream().collect(Collectors.groupingBy(
                e -> identifiers(e).stream().sorted().toList() + " q" + e.qos(), Collectors.counting())));
        Map<Integer, String> filterOf = subscribedFilters(trace, "S0");
        assertThat(filterOf.values()).containsExactlyInAnyOrder("+/b", "#");
        int plusB = filterOf.entrySet().stream().filter(e -> e.getValue().equals("+/b")).findFirst().orElseThrow()
                .getKey();
        int hash = filterOf.entrySet().stream().filter(e -> e.getValue().equals("#")).findFirst().orElseThrow()
                .getKey();
        assertThat(byIds).isEqualTo(mosquitto
                ? Map.of(List.of(plusB) + " q1", (long) MESSAGES, List.of(hash) + " q0", (long) MESSAGES)
                : Map.of(List.of(Math.min(plusB, hash), Math.max(plusB, hash)) + " q1", (long) MESSAGES));
        assertThat(summary.subscribers().stream().filter(s -> s.subscriberId().equals("S0")).findFirst().orElseThrow()
                .bySubscriptionIdentifiers().stream().mapToLong(RunSummary.IdentifierCount::packets).sum())
                .isEqualTo(toS0.size());
        assertThat(deliveries).filteredOn(d -> d.subscriberId().equals("S3"))
                .allSatisfy(d -> assertThat(d.subscriptionIdentifiers()).isEmpty()).hasSize(MESSAGES)
                .allSatisfy(d -> assertThat(d.qos()).isEqualTo(1));
    }

    /** An MQTT 5 subscriber at QoS 2 counts each message once: one PUBLISH and one PUBREL each in the trace. */
    @ParameterizedTest
    @EnumSource(RunOptions.Runtime.class)
    void anMqtt5SubscriberAtQos2CountsEachMessageOnce(RunOptions.Runtime runtime) {
        int messages = 20;
        Topology topology = Topology.of("qos2", List.of(Broker.simple("b0", "b0", 1883, true, null)), List.of(),
                List.of(), List.of(new Publisher("P", "P", "b0", ClientSettings.of("P"), "t", "m{seq}", 20, messages, 2,
                        false, null)),
                List.of(new Subscriber("S", "S", "b0", new ClientSettings("S", MqttVersion.V5, null, null, null, null),
                        List.of(new Subscription("t", 2)), null)));
        try (TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(ChallengeRunTest.freeOffset(topology)))) {
            await().atMost(WAIT).until(() -> runner.summary().publishers().get(0).published() == messages
                    && runner.summary().undelivered().isEmpty());
            runner.stop();
            List<PacketEvent> trace = runner.packets().snapshot().stream().map(SequencedPacket::event).toList();
            assertThat(publishesTo(trace, "S")).hasSize(messages).allSatisfy(e -> assertThat(e.qos()).isEqualTo(2));
            assertThat(trace).filteredOn(e -> e.type() == PacketType.PUBREL && "S".equals(e.clientId())
                    && e.direction() == PacketDirection.BROKER_TO_CLIENT).hasSize(messages);
            assertThat(receivedBy(runner, "S")).isEqualTo(messages);
            assertThat(runner.summary().subscribers().get(0).duplicates()).isZero();
        }
    }

    /** The MQTT 5 subscriber's private tap passes a cut of its link at the node's tap on, and heals after it. */
    @Test
    void anMqtt5SubscribersCutLinkHeals() {
        Topology topology = TopologyBuilder.overlappingFilters(0);
        try (TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults()
                .withPortOffset(ChallengeRunTest.freeOffset(topology)))) {
            await().atMost(WAIT).until(() -> receivedBy(runner, "S0") >= 3);
            runner.cutLink("S0");
            await().atMost(WAIT).until(() -> runner.status("S0").orElseThrow().message().startsWith("cannot reach"));
            long during = receivedBy(runner, "S0");
            runner.restoreLink("S0");
            await().atMost(WAIT).until(() -> receivedBy(runner, "S0") >= during + 3);
        }
    }

    private static long receivedBy(TopologyRunner runner, String subscriberId) {
        return runner.summary().subscribers().stream().filter(s -> s.subscriberId().equals(subscriberId))
                .mapToLong(RunSummary.SubscriberSummary::received).sum();
    }

    private static List<PacketEvent> publishesTo(List<PacketEvent> trace, String clientId) {
        return trace.stream().filter(e -> e.type() == PacketType.PUBLISH && clientId.equals(e.clientId())
                && e.direction() == PacketDirection.BROKER_TO_CLIENT && e.node().equals("b0")).toList();
    }

    private static List<Integer> identifiers(PacketEvent e) {
        return e.properties().stream().filter(p -> p.name().equals("SUBSCRIPTION_IDENTIFIER"))
                .map(PacketProperty::value).map(Integer::valueOf).toList();
    }

    /** Each SUBSCRIBE's identifier and filter, as the client sent them. */
    private static Map<Integer, String> subscribedFilters(List<PacketEvent> trace, String clientId) {
        return trace.stream().filter(e -> e.type() == PacketType.SUBSCRIBE && clientId.equals(e.clientId())
                        && e.node().equals("b0"))
                .collect(Collectors.toMap(e -> identifiers(e).get(0), e -> e.subscriptions().get(0).filter(),
                        (a, b) -> a));
    }

    private static Map<String, Long> received(RunSummary summary, String subscriberId) {
        return summary.subscribers().stream().filter(s -> s.subscriberId().equals(subscriberId)).findFirst()
                .map(RunSummary.SubscriberSummary::receivedByTopic).orElseThrow();
    }
}

package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.trace.PacketDirection.BROKER_TO_CLIENT;
import static org.mqttstudio.trace.PacketDirection.CLIENT_TO_BROKER;
import static org.mqttstudio.trace.PacketType.PUBACK;
import static org.mqttstudio.trace.PacketType.PUBCOMP;
import static org.mqttstudio.trace.PacketType.PUBLISH;
import static org.mqttstudio.trace.PacketType.PUBREC;
import static org.mqttstudio.trace.PacketType.PUBREL;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Flows from synthetic events: publisher → A (c2b at A), bridge → B (c2b at B), B → subscriber (b2c at B). */
class FlowCorrelatorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final long PUB_AT_A = 1;
    private static final long BRIDGE_AT_B = 1;
    private static final long SUB_AT_B = 2;
    private static final long LATE_SUB_AT_B = 3;

    private final FlowCorrelator correlator = new FlowCorrelator();

    @Test
    void aQos2MessageThroughABridgeIsOneFlowOfThreeHopsWithTheirHandshakes() {
        qos2Hop(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "srv/t", 7, "24");
        qos2Hop(5, "B", BRIDGE_AT_B, "bridge-a-b", CLIENT_TO_BROKER, "central/srv/t", 1, "24");
        Optional<MessageFlow> last = qos2Hop(9, "B", SUB_AT_B, "sub", BROKER_TO_CLIENT, "central/srv/t", 3, "24");

        assertThat(correlator.flows()).hasSize(1);
        MessageFlow flow = correlator.flows().get(0);
        assertThat(last).contains(flow);
        assertThat(flow.payloadText()).isEqualTo("24");
        assertThat(flow.complete()).isTrue();
        assertThat(flow.start()).isEqualTo(T0);
        assertThat(flow.hops()).extracting(FlowHop::node, FlowHop::clientId, FlowHop::direction, FlowHop::topic,
                        FlowHop::packetId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "pub", CLIENT_TO_BROKER, "srv/t", 7),
                        org.assertj.core.groups.Tuple.tuple("B", "bridge-a-b", CLIENT_TO_BROKER, "central/srv/t", 1),
                        org.assertj.core.groups.Tuple.tuple("B", "sub", BROKER_TO_CLIENT, "central/srv/t", 3));
        FlowHop delivery = flow.hops().get(2);
        assertThat(delivery.acks()).extracting(FlowHop.Ack::type).containsExactly(PUBREC, PUBREL, PUBCOMP);
        assertThat(delivery.acks()).extracting(FlowHop.Ack::direction)
                .containsExactly(CLIENT_TO_BROKER, BROKER_TO_CLIENT, CLIENT_TO_BROKER);
        assertThat(delivery.acks().get(0).time()).isEqualTo(T0.plusMillis(10));
    }

    @Test
    void aQos1FlowIsCompleteOnlyOnceEveryHopIsAcknowledged() {
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, 4, "m", false));
        MessageFlow delivered = correlator.accept(publish(2, "A", 2, "sub", BROKER_TO_CLIENT, "t", 1, 9, "m", false))
                .orElseThrow();
        assertThat(delivered.complete()).isFalse();
        correlator.accept(ack(3, "A", 2, CLIENT_TO_BROKER, PUBACK, 9));
        assertThat(correlator.flows().get(0).complete()).isFalse();
        MessageFlow done = correlator.accept(ack(4, "A", PUB_AT_A, BROKER_TO_CLIENT, PUBACK, 4)).orElseThrow();
        assertThat(done.complete()).isTrue();
        assertThat(done.hops()).allSatisfy(hop -> assertThat(hop.acks()).extracting(FlowHop.Ack::type)
                .containsExactly(PUBACK));
    }

    @Test
    void anAckWithAnotherPacketIdOrOnAnotherConnectionJoinsNothing() {
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, 4, "m", false));
        assertThat(correlator.accept(ack(1, "A", PUB_AT_A, BROKER_TO_CLIENT, PUBACK, 5))).isEmpty();
        assertThat(correlator.accept(ack(1, "A", 2, BROKER_TO_CLIENT, PUBACK, 4))).isEmpty();
        assertThat(correlator.accept(ack(1, "A", PUB_AT_A, CLIENT_TO_BROKER, PUBACK, 4))).isEmpty();
        assertThat(correlator.flows().get(0).hops().get(0).acks()).isEmpty();
    }

    @Test
    void theSamePayloadPublishedAgainIsANewFlowEvenWhenTheDeliveriesOverlap() {
        // The second message enters A before the first is delivered: each delivery keeps its own message.
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "same", false));
        correlator.accept(publish(1, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "same", false));
        correlator.accept(publish(2, "B", BRIDGE_AT_B, "bridge", CLIENT_TO_BROKER, "t", 0, null, "same", false));
        correlator.accept(publish(3, "B", SUB_AT_B, "sub", BROKER_TO_CLIENT, "t", 0, null, "same", false));
        correlator.accept(publish(4, "B", BRIDGE_AT_B, "bridge", CLIENT_TO_BROKER, "t", 0, null, "same", false));
        correlator.accept(publish(5, "B", SUB_AT_B, "sub", BROKER_TO_CLIENT, "t", 0, null, "same", false));

        assertThat(correlator.flows()).extracting(flow -> flow.hops().stream()
                        .map(hop -> hop.published().toEpochMilli() - T0.toEpochMilli()).toList())
                .containsExactly(List.of(0L, 2L, 3L), List.of(1L, 4L, 5L));
    }

    @Test
    void differentPayloadsAreDifferentFlows() {
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "one", false));
        correlator.accept(publish(1, "A", 2, "sub", BROKER_TO_CLIENT, "t", 0, null, "two", false));
        assertThat(correlator.flows()).hasSize(2).allSatisfy(flow -> assertThat(flow.hops()).hasSize(1));
    }

    @Test
    void aHopAfterTheWindowStartsANewFlow() {
        FlowCorrelator shortWindow = new FlowCorrelator(Duration.ofMillis(100), 10);
        shortWindow.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "m", false));
        shortWindow.accept(publish(100, "A", 2, "sub", BROKER_TO_CLIENT, "t", 0, null, "m", false));
        shortWindow.accept(publish(101, "A", 3, "other", BROKER_TO_CLIENT, "t", 0, null, "m", false));
        assertThat(shortWindow.flows()).extracting(flow -> flow.hops().size()).containsExactly(2, 1);
    }

    @Test
    void aHopHeldBehindACutBridgeUntilItsSecondRetryJoinsItsFlow() {
        // cut 5 s after the publish, the first retry (5 s) just missed: the bridge resends 15 s after the publish
        qos2Hop(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "srv/t", 7, "held");
        qos2Hop(15_000, "B", BRIDGE_AT_B, "bridge-a-b", CLIENT_TO_BROKER, "srv/t", 1, "held");
        qos2Hop(15_004, "B", SUB_AT_B, "sub", BROKER_TO_CLIENT, "srv/t", 3, "held");
        assertThat(correlator.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.hops()).extracting(FlowHop::clientId).containsExactly("pub", "bridge-a-b", "sub");
            assertThat(flow.complete()).isTrue();
        });
    }

    @Test
    void aNodeDeliversOnlyWhatEnteredIt() {
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "m", false));
        correlator.accept(publish(1, "C", 1, "sub-c", BROKER_TO_CLIENT, "t", 0, null, "m", false));
        assertThat(correlator.flows()).hasSize(2);
    }

    @Test
    void aNodeMayDeliverWhatItsUntappedBridgePulledFromAnotherNode() {
        // B's bridge subscribes at A ("in" rule): A delivers to the bridge, B's local side is internal.
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "m", false));
        correlator.accept(publish(1, "A", 2, "bridge-b-a", BROKER_TO_CLIENT, "t", 0, null, "m", false));
        correlator.accept(publish(2, "B", 5, "sub", BROKER_TO_CLIENT, "in/t", 0, null, "m", false));
        assertThat(correlator.flows()).singleElement()
                .satisfies(flow -> assertThat(flow.hops()).extracting(FlowHop::clientId)
                        .containsExactly("pub", "bridge-b-a", "sub"));
    }

    @Test
    void aSubscriberThatConnectsLateGetsTheMessageThatReachedItNotAnOlderOneWithTheSamePayload() {
        for (int second = 0; second < 3; second++) {
            correlator.accept(publish(second * 1000, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "m",
                    false));
        }
        correlator.accept(connect(2500, "A", LATE_SUB_AT_B, "late-sub"));
        correlator.accept(publish(2501, "A", LATE_SUB_AT_B, "late-sub", BROKER_TO_CLIENT, "t", 0, null, "m", false));
        correlator.accept(publish(3000, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 0, null, "m", false));
        correlator.accept(publish(3001, "A", LATE_SUB_AT_B, "late-sub", BROKER_TO_CLIENT, "t", 0, null, "m", false));

        List<MessageFlow> flows = correlator.flows();
        assertThat(flows).extracting(flow -> flow.hops().size()).containsExactly(1, 1, 2, 2);
        // The first delivery right after subscribing is the retained copy of the newest message.
        assertThat(flows.get(2).hops().get(1).published()).isEqualTo(T0.plusMillis(2501));
        assertThat(flows.get(3).hops().get(1).published()).isEqualTo(T0.plusMillis(3001));
    }

    @Test
    void aResentPublishIsPartOfItsHopsHandshake() {
        correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, 4, "m", false));
        correlator.accept(publish(500, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, 4, "m", true));
        MessageFlow flow = correlator.accept(ack(501, "A", PUB_AT_A, BROKER_TO_CLIENT, PUBACK, 4)).orElseThrow();
        assertThat(flow.hops()).singleElement().satisfies(hop -> assertThat(hop.acks())
                .extracting(FlowHop.Ack::type).containsExactly(PUBLISH, PUBACK));
        assertThat(flow.complete()).isTrue();
    }

    @Test
    void aHopKeepsItsPublishsDupFlagAsAResendOnANewConnectionHasIt() {
        MessageFlow fresh = correlator.accept(publish(0, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, 4, "m",
                false)).orElseThrow();
        MessageFlow resent = correlator.accept(publish(10, "B", 9, "bridge", CLIENT_TO_BROKER, "t", 1, 7, "m",
                true)).orElseThrow();
        assertThat(fresh.hops().get(0).dup()).isFalse();
        assertThat(resent.hops()).extracting(FlowHop::dup).containsExactly(false, true);
    }

    @Test
    void keepsOnlyTheNewestFlowsUpToItsCapacity() {
        FlowCorrelator small = new FlowCorrelator(Duration.ofSeconds(10), 3);
        for (int i = 0; i < 5; i++) {
            small.accept(publish(i, "A", PUB_AT_A, "pub", CLIENT_TO_BROKER, "t", 1, i + 1, "m" + i, false));
        }
        assertThat(small.flows()).extracting(MessageFlow::id).containsExactly(3L, 4L, 5L);
        assertThat(small.accept(ack(6, "A", PUB_AT_A, BROKER_TO_CLIENT, PUBACK, 1))).isEmpty();
        assertThat(small.accept(ack(6, "A", PUB_AT_A, BROKER_TO_CLIENT, PUBACK, 5))).isPresent();
    }

    @Test
    void otherPacketsAreNoFlows() {
        assertThat(correlator.accept(connect(0, "A", 1, "pub"))).isEmpty();
        assertThat(correlator.flows()).isEmpty();
    }

    /** A QoS 2 PUBLISH at {@code millis} and its PUBREC, PUBREL and PUBCOMP 1, 2 and 3 ms later. */
    private Optional<MessageFlow> qos2Hop(int millis, String node, long connection, String clientId,
                                          PacketDirection direction, String topic, int packetId, String payload) {
        PacketDirection back = direction == CLIENT_TO_BROKER ? BROKER_TO_CLIENT : CLIENT_TO_BROKER;
        correlator.accept(publish(millis, node, connection, clientId, direction, topic, 2, packetId, payload, false));
        correlator.accept(ack(millis + 1, node, connection, back, PUBREC, packetId));
        correlator.accept(ack(millis + 2, node, connection, direction, PUBREL, packetId));
        return correlator.accept(ack(millis + 3, node, connection, back, PUBCOMP, packetId));
    }

    private static PacketEvent publish(int millis, String node, long connection, String clientId,
                                       PacketDirection direction, String topic, int qos, Integer packetId,
                                       String payload, boolean dup) {
        return event(millis, node, connection, clientId, direction, PUBLISH, packetId, qos, dup, topic,
                payload.getBytes(UTF_8));
    }

    private static PacketEvent ack(int millis, String node, long connection, PacketDirection direction,
                                   PacketType type, int packetId) {
        return event(millis, node, connection, null, direction, type, packetId, type == PUBREL ? 1 : 0, false, null,
                null);
    }

    private static PacketEvent connect(int millis, String node, long connection, String clientId) {
        return event(millis, node, connection, clientId, CLIENT_TO_BROKER, PacketType.CONNECT, null, 0, false, null,
                null);
    }

    private static PacketEvent event(int millis, String node, long connection, String clientId,
                                     PacketDirection direction, PacketType type, Integer packetId, int qos,
                                     boolean dup, String topic, byte[] payload) {
        return new PacketEvent(T0.plusMillis(millis), node, connection, new InetSocketAddress("127.0.0.1", 40000),
                1883, clientId, direction, type, packetId, qos, dup, false, topic, payload, List.of(), List.of(),
                List.of(), 4, 2, new byte[] {0, 0}, null);
    }
}

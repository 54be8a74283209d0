package org.mqttstudio.app.animation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.uibench.SyntheticFlows;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;

/** The scheduling of dots without a runtime or JavaFX: hop to edge, the chain, the diff per flow, the caps, rates. */
class FlowAnimatorCapTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;
    private static final long HOP = AnimationSpeed.NORMAL.perHop().toNanos();

    private final Topology challenge = read();
    private final HopEdges edges = new HopEdges(challenge, SyntheticFlows.elements(challenge));

    private static Topology read() {
        try {
            return new TopologyJson().read(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DotScheduler scheduler() {
        return new DotScheduler(edges, DotScheduler.CAP_PER_SECOND, DotScheduler.MAX_DOTS);
    }

    /** A temperature message the taps saw at {@code nanos} (of the epoch), as far as its first {@code hops}. */
    private static MessageFlow temperature(long id, int hops, long nanos) {
        return SyntheticFlows.flow(id, "Temperature: " + id, SyntheticFlows.challengeTemperature(at(nanos))
                .subList(0, hops));
    }

    private static Instant at(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    @Test
    void aMessagesDotsFollowEachOtherHopByHopAlongTheEdgesItTook() {
        List<Dot> dots = scheduler().accept(temperature(1, 4, 1000 * SECOND), 1000 * SECOND, AnimationSpeed.NORMAL);

        assertThat(dots).extracting(d -> d.edge().edgeId())
                .containsExactly("publisher2", "bridge2_bridge3", "bridge3_central", "temperature-subscriber");
        assertThat(dots).extracting(d -> d.startNanos() - 1000 * SECOND)
                .containsExactly(0L, HOP, 2 * HOP, 3 * HOP);
        assertThat(dots).allSatisfy(d -> {
            assertThat(d.durationNanos()).isEqualTo(HOP);
            assertThat(d.edge().forward()).isTrue();
            assertThat(d.colourClass()).isEqualTo("topic-0");
        });
        assertThat(dots).extracting(d -> d.edge().from() + ">" + d.edge().to()).containsExactly(
                "publisher2>bridge-broker-2", "bridge-broker-2>bridge-broker-3", "bridge-broker-3>central",
                "central>temperature-subscriber");
    }

    @Test
    void aFlowThatGrowsGetsDotsOnlyForItsNewHopsStillChainedToTheEarlierOnes() {
        DotScheduler scheduler = scheduler();
        long t0 = 50 * SECOND;
        List<Dot> first = scheduler.accept(temperature(7, 2, t0), t0, AnimationSpeed.NORMAL);
        List<Dot> again = scheduler.accept(temperature(7, 2, t0), t0 + 30 * MS, AnimationSpeed.NORMAL);
        List<Dot> rest = scheduler.accept(temperature(7, 4, t0), t0 + 100 * MS, AnimationSpeed.NORMAL);

        assertThat(first).extracting(d -> d.edge().edgeId()).containsExactly("publisher2", "bridge2_bridge3");
        assertThat(again).isEmpty();
        assertThat(rest).extracting(d -> d.edge().edgeId()).containsExactly("bridge3_central", "temperature-subscriber");
        assertThat(rest).extracting(Dot::startNanos).containsExactly(t0 + 2 * HOP, t0 + 3 * HOP);
        assertThat(scheduler.states(at(t0 + SECOND))).allSatisfy(s -> assertThat(s.hops()).isEqualTo(1));
    }

    @Test
    void aHopArrivingAfterTheDotBeforeItHasLandedStartsAtOnce() {
        DotScheduler scheduler = scheduler();
        scheduler.accept(temperature(3, 1, 0), 0, AnimationSpeed.NORMAL);
        List<Dot> late = scheduler.accept(temperature(3, 2, 0), 5 * SECOND, AnimationSpeed.NORMAL);
        assertThat(late).singleElement().satisfies(d -> assertThat(d.startNanos()).isEqualTo(5 * SECOND));
    }

    @Test
    void aBridgeDeliveringOutOfItsTargetNodeMovesItsDotBackwards() {
        FlowHop in = SyntheticFlows.hop("central", "bridge1_central", PacketDirection.BROKER_TO_CLIENT, "cmd/x",
                Instant.EPOCH);
        assertThat(edges.edgeOf(in)).hasValue(new EdgeHop("bridge1_central", true, "central", "bridge-broker-1", false));
        FlowHop outside = SyntheticFlows.hop("central", "mosquitto_sub", PacketDirection.BROKER_TO_CLIENT, "x",
                Instant.EPOCH);
        assertThat(edges.edgeOf(outside)).isEmpty();
    }

    @Test
    void pastTheCapAnEdgeDrawsAFewEvenlySpacedDotsCountsEveryHopAndIsBusy() {
        DotScheduler scheduler = scheduler();
        List<Dot> dots = new ArrayList<>();
        long t0 = 10 * SECOND;
        // 500 temperature messages a second for 3 s, and one humidity message a second
        for (int i = 0; i < 1500; i++) {
            long now = t0 + i * 2 * MS;
            dots.addAll(scheduler.accept(temperature(i + 1, 4, now), now, AnimationSpeed.NORMAL));
            if (i % 500 == 0) {
                dots.addAll(scheduler.accept(SyntheticFlows.flow(100_000 + i, "Humidity: " + i,
                        SyntheticFlows.challengeHumidity(at(now))), now, AnimationSpeed.NORMAL));
            }
        }
        long end = t0 + 3 * SECOND;
        Map<String, List<Long>> startsByEdge = dots.stream().collect(Collectors.groupingBy(d -> d.edge().edgeId(),
                Collectors.mapping(Dot::startNanos, Collectors.toList())));
        startsByEdge.forEach((edge, starts) -> {
            List<Long> sorted = starts.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i) - sorted.get(i - 1)).as("spacing on %s", edge)
                        .isGreaterThanOrEqualTo(SECOND / DotScheduler.CAP_PER_SECOND);
            }
            // 3 s of messages, the chain adding up to 3 hops: at most cap a second of that
            assertThat(sorted.size()).as("dots on %s", edge).isLessThanOrEqualTo(DotScheduler.CAP_PER_SECOND * 6 + 1);
        });
        assertThat(startsByEdge.get("publisher2")).hasSizeBetween(11, 13);
        Map<String, EdgeState> states = scheduler.states(at(end)).stream()
                .collect(Collectors.toMap(EdgeState::edgeId, Function.identity()));
        assertThat(states.get("publisher2").hops()).isEqualTo(1500);
        assertThat(states.get("temperature-subscriber").hops()).isEqualTo(1500);
        assertThat(states.get("publisher2").perSecond()).isCloseTo(500, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(states.get("publisher2").busy()).isTrue();
        assertThat(states.get("publisher2").lastPayload()).isEqualTo("Temperature: 1500");
        assertThat(states.get("publisher1").busy()).isFalse();
        assertThat(states.get("publisher1").hops()).isEqualTo(3);
        assertThat(states.get("publisher1").dots()).isEqualTo(3);
        // the window ends a quarter second before the newest hop, on a whole bucket: 10 s + 2.5 s
        assertThat(states.get("publisher2").rateUntil()).isEqualTo(12_500 * MS);
        assertThat(states.get("bridge1_central").label()).isEqualTo("1.2/s · Humidity: 1000");
        assertThat(scheduler.legend()).extracting(TopicColors.LegendEntry::topic)
                .containsExactly("srv/temperature", "srv/humidity");
    }

    @Test
    void theDotsInFlightAreBoundedAcrossEdgesAndOffDrawsNoneButCountsAll() {
        DotScheduler tight = new DotScheduler(edges, DotScheduler.CAP_PER_SECOND, 3);
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dots.addAll(tight.accept(temperature(i + 1, 4, i * 300 * MS), i * 300 * MS, AnimationSpeed.SLOW));
        }
        long now = 19 * 300 * MS;
        for (Dot dot : dots) {
            long inFlight = dots.stream().filter(d -> d.startNanos() <= dot.startNanos() && d.endNanos() > dot.startNanos())
                    .count();
            assertThat(inFlight).isLessThanOrEqualTo(3);
        }
        assertThat(dots.size()).isGreaterThan(3);

        DotScheduler off = scheduler();
        for (int i = 0; i < 20; i++) {
            assertThat(off.accept(temperature(i + 1, 4, i * MS), i * MS, AnimationSpeed.OFF)).isEmpty();
        }
        assertThat(off.states(at(now))).hasSize(4).allSatisfy(s -> assertThat(s.hops()).isEqualTo(20));
    }

    @Test
    void topicsPastTheNamedColoursShareTheOtherColour() {
        TopicColors colours = new TopicColors();
        for (int i = 0; i < 10; i++) {
            colours.colourOf("t/" + i);
        }
        assertThat(colours.colourOf("t/2")).isEqualTo(2);
        assertThat(colours.colourOf("t/9")).isEqualTo(TopicColors.OTHER);
        assertThat(colours.colourOf("$SYS/broker/connection/x/state")).isEqualTo(TopicColors.STATUS);
        assertThat(colours.legend()).hasSize(TopicColors.NAMED + 2).last()
                .isEqualTo(new TopicColors.LegendEntry("other topics", "topic-other"));
    }

    @Test
    void theRateIsOverThreeSecondsOfWireTimeInWholeBucketsAndNeverAFirstMessageBlownUp() {
        EdgeRate rate = new EdgeRate();
        rate.count(0);
        assertThat(rate.perSecond(SECOND)).isEqualTo(1.0);
        for (long t = 9999; t >= 1; t--) {
            rate.count(t * MS); // 1000 a second for 10 s, counted newest first: the order hops reach the pump in
        }
        assertThat(rate.perSecond(10 * SECOND)).isCloseTo(1000, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(rate.perSecond(12 * SECOND + 100 * MS)).as("9 s to 12 s")
                .isCloseTo(1000 / 3.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(rate.perSecond(20 * SECOND)).isZero();
    }
}

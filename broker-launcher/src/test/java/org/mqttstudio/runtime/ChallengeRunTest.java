package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.FlowReader;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;

/**
 * The course challenge run by {@link TopologyRunner} on both runtimes, with the sample's ports moved
 * to free ones: both Central subscribers receive, and the first temperature message's QoS 2
 * handshake shows on every hop (publisher → BridgeBroker2, the two bridges' remote clients into
 * BridgeBroker3 and Central, Central → subscriber) with one packet id per connection; the runner's
 * flow source puts those hops into one complete flow, and every connection maps to its model element.
 */
class ChallengeRunTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A free port offset for a topology: its designed ports moved to a run of free ones. */
    static int freeOffset(Topology topology) {
        return FreePorts.offsetFor(topology.brokers().stream()
                .flatMap(b -> b.listeners().stream().map(l -> l.port())).toList());
    }

    /** The packets the run's recorder keeps, oldest first. */
    static List<PacketEvent> packets(TopologyRunner runner) {
        return runner.packets().snapshot().stream().map(SequencedPacket::event).toList();
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Run {
        private final Topology challenge = Samples.load("challenge");
        private TopologyRunner runner;

        abstract RunOptions.Runtime runtime();

        @BeforeAll
        void start() {
            runner = TopologyRunner.start(challenge, RunOptions.defaults().withRuntime(runtime())
                    .withPortOffset(freeOffset(challenge)));
        }

        @AfterAll
        void stop() {
            if (runner != null) {
                runner.stop();
            }
        }

        @Test
        void bothCentralSubscribersReceive() {
            await().atMost(WAIT).untilAsserted(() -> assertThat(runner.deliveries())
                    .extracting(Delivery::subscriberId, Delivery::topic, Delivery::payloadText, Delivery::qos)
                    .contains(org.assertj.core.groups.Tuple.tuple("humidity-subscriber", "srv/humidity",
                                    "Humidity: 10%", 2),
                            org.assertj.core.groups.Tuple.tuple("temperature-subscriber", "srv/temperature",
                                    "Temperature: 24°C", 2)));
            assertThat(runner.statuses().values()).filteredOn(s -> runner.topology().broker(s.elementId()).isPresent())
                    .hasSize(4).allSatisfy(s -> assertThat(s.state()).isEqualTo(NodeStatus.State.RUNNING));
            assertThat(runner.summary().subscribers()).allSatisfy(s -> {
                assertThat(s.received()).isPositive();
                assertThat(s.duplicates()).isZero();
            });
        }

        @Test
        void aQos2MessageShowsTheFullHandshakeOnEveryHop() {
            String host = runner.options().hostname();
            String bridge23 = bridge("bridge2_bridge3").effectiveRemoteClientId(host);
            String bridge3c = bridge("bridge3_central").effectiveRemoteClientId(host);
            await().atMost(WAIT).untilAsserted(() -> {
                List<PacketEvent> trace = packets(runner);
                assertHandshake(trace, "bridge-broker-2", "publisher2", PacketDirection.CLIENT_TO_BROKER);
                assertHandshake(trace, "bridge-broker-3", bridge23, PacketDirection.CLIENT_TO_BROKER);
                assertHandshake(trace, "central", bridge3c, PacketDirection.CLIENT_TO_BROKER);
                assertHandshake(trace, "central", "subscriber_temperature", PacketDirection.BROKER_TO_CLIENT);
            });
            assertThat(packets(runner)).noneMatch(e -> e.type() == PacketType.MALFORMED);
        }

        @Test
        void theRunCorrelatesAQos2MessageIntoOneFlowWhoseHopsAreTheModelsElements() {
            String host = runner.options().hostname();
            String bridge23 = bridge("bridge2_bridge3").effectiveRemoteClientId(host);
            String bridge3c = bridge("bridge3_central").effectiveRemoteClientId(host);
            Map<Long, MessageFlow> latest = new HashMap<>();
            try (FlowReader reader = runner.flows().reader(10_000)) {
                MessageFlow flow = await().atMost(WAIT).until(() -> {
                    reader.poll(10_000).forEach(f -> latest.put(f.id(), f));
                    return latest.values().stream().filter(f -> f.complete()
                            && f.payloadText().equals("Temperature: 24°C") && f.hops().size() >= 4).findFirst();
                }, Optional::isPresent).orElseThrow();
                assertThat(flow.hops()).extracting(FlowHop::node, FlowHop::clientId, FlowHop::direction, FlowHop::qos)
                        .contains(tuple("bridge-broker-2", "publisher2", PacketDirection.CLIENT_TO_BROKER, 2),
                                tuple("bridge-broker-3", bridge23, PacketDirection.CLIENT_TO_BROKER, 2),
                                tuple("central", bridge3c, PacketDirection.CLIENT_TO_BROKER, 2),
                                tuple("central", "subscriber_temperature", PacketDirection.BROKER_TO_CLIENT, 2));
                assertThat(flow.hops()).allSatisfy(hop -> assertThat(hop.acks()).extracting(FlowHop.Ack::type)
                        .startsWith(PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP));
                assertThat(flow.hops()).extracting(hop -> runner.element(hop.node(), hop.clientId()))
                        .contains(new RunElement("publisher2", RunElement.Kind.PUBLISHER),
                                new RunElement("bridge2_bridge3", RunElement.Kind.BRIDGE),
                                new RunElement("bridge3_central", RunElement.Kind.BRIDGE),
                                new RunElement("temperature-subscriber", RunElement.Kind.SUBSCRIBER));
                assertThat(runner.flows().snapshot()).extracting(MessageFlow::id).contains(flow.id());
            }
        }

        @Test
        void everyConnectionOfTheRunIsAModelElement() {
            await().atMost(WAIT).until(() -> packets(runner).stream().filter(e -> e.clientId() != null)
                    .map(e -> runner.element(e.node(), e.clientId()).elementId()).distinct().count() >= 7);
            assertThat(packets(runner)).allSatisfy(e -> assertThat(runner.element(e.node(), e.clientId()).kind())
                    .as("%s at %s", e.clientId(), e.node()).isNotEqualTo(RunElement.Kind.OUTSIDE_CLIENT));
        }

        private Bridge bridge(String id) {
            return challenge.bridge(id).orElseThrow();
        }
    }

    /**
     * The first QoS 2 PUBLISH of srv/temperature on this node's connection of {@code clientId}, then
     * PUBREC, PUBREL, PUBCOMP with its packet id, in order and in alternating directions.
     */
    static void assertHandshake(List<PacketEvent> trace, String node, String clientId, PacketDirection publishDir) {
        Predicate<PacketEvent> onLink = e -> e.node().equals(node) && clientId.equals(e.clientId());
        PacketEvent publish = trace.stream().filter(onLink)
                .filter(e -> e.type() == PacketType.PUBLISH && e.direction() == publishDir && e.qos() == 2
                        && "srv/temperature".equals(e.topic()))
                .findFirst().orElseThrow(() -> new AssertionError("no QoS 2 PUBLISH at " + node + " for " + clientId));
        PacketDirection back = publishDir == PacketDirection.CLIENT_TO_BROKER
                ? PacketDirection.BROKER_TO_CLIENT : PacketDirection.CLIENT_TO_BROKER;
        List<PacketEvent> flow = trace.subList(trace.indexOf(publish), trace.size()).stream()
                .filter(onLink).filter(e -> e.connectionId() == publish.connectionId())
                .filter(e -> publish.packetId().equals(e.packetId())).toList();
        assertThat(flow).as("QoS 2 flow of packet id %d at %s for %s", publish.packetId(), node, clientId)
                .extracting(PacketEvent::type, PacketEvent::direction)
                .startsWith(org.assertj.core.groups.Tuple.tuple(PacketType.PUBLISH, publishDir),
                        org.assertj.core.groups.Tuple.tuple(PacketType.PUBREC, back),
                        org.assertj.core.groups.Tuple.tuple(PacketType.PUBREL, publishDir),
                        org.assertj.core.groups.Tuple.tuple(PacketType.PUBCOMP, back));
    }

    @Nested
    class Embedded extends Run {
        @Override
        RunOptions.Runtime runtime() {
            return RunOptions.Runtime.EMBEDDED;
        }
    }

    @Nested
    class Mosquitto extends Run {
        @Override
        RunOptions.Runtime runtime() {
            return RunOptions.Runtime.MOSQUITTO;
        }
    }
}

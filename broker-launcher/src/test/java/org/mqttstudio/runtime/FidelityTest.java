package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/**
 * Fidelity of the embedded runtime: every sample and {@value #RANDOM_COUNT} seeded random
 * topologies run on embedded brokers and on real mosquitto 2.0.11 through {@link TopologyRunner};
 * the set of (subscriber, topic, payload, QoS) deliveries must be the same on both and equal what
 * the {@link Router} expects. All runs happen once, a few at a time on free port offsets, before
 * the per-topology assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FidelityTest {
    private static final long SEED = 20261125L;
    private static final int RANDOM_COUNT = 20;
    /**
     * Runs at once. Each runner picks its brokers' internal ports (PortPlan, bind to port 0) before they bind them,
     * so two runners can be given the same one. The loser notices (an embedded broker's extension must hear a probe
     * client on each of its ports; mosquitto must hold the port's socket itself) and the runner moves it to a new
     * port (TopologyRunnerInternalPortTest). The node ports claimed here (20000..32000) lie below the range port 0
     * draws from (Linux: 32768..60999).
     */
    private static final int PARALLEL_RUNS = 3;
    /** Samples publish for ever, once a second: here a few messages, quickly. */
    private static final int SAMPLE_COUNT = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One message as a subscriber received it. */
    record Received(String subscriber, String topic, String payload, int qos) {
    }

    /** What one run delivered, or why it could not run. */
    record Outcome(Set<Received> received, String error) {
    }

    private final Map<String, Topology> cases = new HashMap<>();
    private final Map<String, Map<RunOptions.Runtime, Outcome>> outcomes = new ConcurrentHashMap<>();
    private final Set<Integer> claimedPorts = new HashSet<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_RUNS);

    @BeforeAll
    void runEverything() {
        Samples.NAMES.forEach(name -> cases.put(name, quick(Samples.load(name))));
        new RandomTopologies().generate(SEED, RANDOM_COUNT).forEach(t -> cases.put(t.name(), t));
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (Map.Entry<String, Topology> c : cases.entrySet()) {
            for (RunOptions.Runtime runtime : RunOptions.Runtime.values()) {
                runs.add(CompletableFuture.runAsync(() -> outcomes
                        .computeIfAbsent(c.getKey(), k -> new EnumMap<>(RunOptions.Runtime.class))
                        .put(runtime, run(c.getValue(), runtime)), pool));
            }
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    Stream<String> caseNames() {
        return cases.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void bothRuntimesDeliverWhatTheRouterExpects(String name) {
        Topology topology = cases.get(name);
        Map<RunOptions.Runtime, Outcome> byRuntime = outcomes.get(name);
        Outcome mosquitto = byRuntime.get(RunOptions.Runtime.MOSQUITTO);
        Outcome embedded = byRuntime.get(RunOptions.Runtime.EMBEDDED);
        assertThat(mosquitto.error()).as("mosquitto run of %s", name).isNull();
        assertThat(mosquitto.received()).as("mosquitto vs the Router for %s", name)
                .containsExactlyInAnyOrderElementsOf(expected(topology));
        assertThat(embedded.error()).as("embedded run of %s", name).isNull();
        assertThat(embedded.received()).as("embedded vs mosquitto for %s", name)
                .containsExactlyInAnyOrderElementsOf(mosquitto.received());
    }

    @Test
    void randomTopologiesCoverChainsFanInPrefixesAndAllDirections() {
        List<Topology> random = new RandomTopologies().generate(SEED, RANDOM_COUNT);
        assertThat(random).hasSize(RANDOM_COUNT);
        assertThat(random).extracting(Topology::name).doesNotHaveDuplicates()
                .anyMatch(n -> n.contains("chain")).anyMatch(n -> n.contains("fan_in"));
        List<BridgeRule> rules = random.stream().flatMap(t -> t.bridges().stream())
                .flatMap(b -> b.rules().stream()).toList();
        assertThat(rules).extracting(BridgeRule::direction).containsAll(
                List.of(Direction.values()));
        assertThat(rules).anyMatch(BridgeRule::hasPrefixes);
        assertThat(random).allSatisfy(t -> assertThat(t.brokers()).hasSizeBetween(2, 4));
        assertThat(new RandomTopologies().generate(SEED, RANDOM_COUNT)).as("same seed, same topologies")
                .isEqualTo(random);
    }

    private Outcome run(Topology topology, RunOptions.Runtime runtime) {
        Set<Received> expected = expected(topology);
        TopologyRunner runner = TopologyRunner.create(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(claimOffset(topology)).withSeed(SEED));
        try {
            runner.start();
        } catch (RuntimeException e) {
            runner.stop();
            return new Outcome(Set.of(), e.toString());
        }
        try {
            await().atMost(WAIT).until(() -> received(runner).containsAll(expected));
        } catch (ConditionTimeoutException e) {
            // the assertion shows what is missing
        } finally {
            runner.stop(); // lets stragglers and duplicates arrive first
        }
        return new Outcome(received(runner), null);
    }

    /**
     * A port offset whose ports are free now and were given to no other run of this test (runs
     * start in parallel: a port found free may not be bound yet by the run it was given to).
     */
    private int claimOffset(Topology topology) {
        synchronized (claimedPorts) {
            while (true) {
                int offset = ChallengeRunTest.freeOffset(topology);
                List<Integer> ports = topology.brokers().stream()
                        .flatMap(b -> b.listeners().stream().map(l -> l.port() + offset)).toList();
                if (ports.stream().noneMatch(claimedPorts::contains)) {
                    claimedPorts.addAll(ports);
                    return offset;
                }
            }
        }
    }

    private static Set<Received> received(TopologyRunner runner) {
        return runner.deliveries().stream()
                .map(d -> new Received(d.subscriberId(), d.topic(), d.payloadText(), d.qos()))
                .collect(Collectors.toSet());
    }

    /**
     * The Router's routes, one message per sequence number of the route's publisher, on the topic
     * it has at the subscriber's broker; a subscriber that gets a message over several of its
     * filters gets one copy at the highest QoS (measured on both brokers: MqttBehaviourTest).
     */
    static Set<Received> expected(Topology topology) {
        Map<List<String>, Integer> qos = new HashMap<>();
        for (Route route : new Router().routes(topology).routes()) {
            Publisher publisher = topology.publishers().stream()
                    .filter(p -> p.id().equals(route.publisherId())).findFirst().orElseThrow();
            String topic = route.hops().get(route.hops().size() - 1).topic();
            PayloadTemplate template = PayloadTemplate.parse(publisher.payload());
            for (int seq = 1; seq <= publisher.count(); seq++) {
                String payload = template.render(seq, Instant.now(), new SplittableRandom(SEED));
                qos.merge(List.of(route.subscriberId(), topic, payload), route.qos(), Math::max);
            }
        }
        Set<Received> expected = new HashSet<>();
        qos.forEach((key, q) -> expected.add(new Received(key.get(0), key.get(1), key.get(2), q)));
        return expected;
    }

    /** A sample with each publisher sending {@value #SAMPLE_COUNT} numbered messages 50 ms apart. */
    private static Topology quick(Topology sample) {
        List<Publisher> publishers = sample.publishers().stream().map(p -> new Publisher(p.id(), p.name(),
                p.broker(), p.client(), p.topic(), p.id() + " #{seq}", RandomTopologies.INTERVAL_MS, SAMPLE_COUNT,
                p.qos(), p.retain(), p.position())).toList();
        return Topology.of(sample.name(), sample.brokers(), sample.externalBrokers(), sample.bridges(), publishers,
                sample.subscribers());
    }
}

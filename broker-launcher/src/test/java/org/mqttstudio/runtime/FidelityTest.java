package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/**
 * Fidelity of the embedded runtime: every sample and {@value #RANDOM_COUNT} seeded random
 * topologies run on embedded brokers and on real mosquitto 2.0.11 through {@link TopologyRunner}.
 * What each subscriber received is compared as a multiset of (subscriber, topic, payload, QoS) PUBLISH
 * receipts with what the {@link Router} expects, on both runtimes: at QoS 0 and 2 exactly as often as
 * expected (QoS 2 is exactly once; QoS 0 is at most once, and the rate loses nothing), at QoS 1 at least as
 * often, with the copies beyond reported and bounded by {@link #QOS1_EXTRA_COPIES}. All runs happen once, a
 * few at a time on free port offsets, before the per-topology assertions. A topology with an external broker
 * gets a mosquitto of its own per run, standing for that outside broker.
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
    /**
     * Extra copies a QoS 1 receipt may have, per expected copy. A QoS 1 message is sent again only when a
     * connection is lost before its PUBACK; nothing cuts one here, so any extra copy is reported, and more than one
     * per message (a second loss of the same message within one short run) fails.
     */
    private static final int QOS1_EXTRA_COPIES = 1;

    /** One PUBLISH as a subscriber received it. */
    record Received(String subscriber, String topic, String payload, int qos) {
    }

    /** How often each receipt happened in one run, or why the run could not happen. */
    record Outcome(Map<Received, Long> received, String error) {
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
    void bothRuntimesDeliverWhatTheRouterExpects(String name, TestReporter reporter) {
        Map<Received, Long> expected = expected(cases.get(name));
        Map<RunOptions.Runtime, Outcome> byRuntime = outcomes.get(name);
        List<String> problems = new ArrayList<>();
        for (RunOptions.Runtime runtime : RunOptions.Runtime.values()) {
            Outcome outcome = byRuntime.get(runtime);
            if (outcome.error() != null) {
                problems.add(runtime + " run failed: " + outcome.error());
                continue;
            }
            Comparison comparison = Comparison.of(expected, outcome.received());
            comparison.problems().forEach(p -> problems.add(runtime + ": " + p));
            if (!comparison.qos1Duplicates().isEmpty()) {
                reporter.publishEntry(runtime + " QoS 1 duplicates", comparison.qos1Duplicates().toString());
            }
        }
        assertThat(problems).as("deliveries of %s against the route table's %s", name, expected).isEmpty();
    }

    /**
     * What differs between the expected and the received multisets: at QoS 0 and 2 a count must match, at QoS 1
     * lie between the expected count and {@link #QOS1_EXTRA_COPIES} more per expected copy.
     *
     * @param qos1Duplicates QoS 1 copies beyond the expected ones (allowed, reported)
     */
    record Comparison(List<String> problems, Map<Received, Long> qos1Duplicates) {
        static Comparison of(Map<Received, Long> expected, Map<Received, Long> received) {
            List<String> problems = new ArrayList<>();
            Map<Received, Long> duplicates = new TreeMap<>(Comparator.comparing(Received::toString));
            Set<Received> all = new TreeSet<>(Comparator.comparing(Received::toString));
            all.addAll(expected.keySet());
            all.addAll(received.keySet());
            for (Received r : all) {
                long want = expected.getOrDefault(r, 0L);
                long got = received.getOrDefault(r, 0L);
                boolean ok = r.qos() == 1 ? got >= want && got <= want * (1 + QOS1_EXTRA_COPIES) : got == want;
                if (!ok) {
                    problems.add(r + " received " + got + " times, expected " + want);
                } else if (got > want) {
                    duplicates.put(r, got - want);
                }
            }
            return new Comparison(problems, duplicates);
        }
    }

    @Test
    void theComparisonCountsEveryCopy() {
        Received q0 = new Received("s", "t", "m", 0);
        Received q1 = new Received("s", "t", "m", 1);
        Received q2 = new Received("s", "t", "m", 2);
        Map<Received, Long> expected = Map.of(q0, 1L, q1, 2L, q2, 1L);

        assertThat(Comparison.of(expected, expected)).isEqualTo(new Comparison(List.of(), Map.of()));
        assertThat(Comparison.of(expected, Map.of(q0, 1L, q1, 4L, q2, 1L)))
                .as("QoS 1: one extra copy per expected one is reported, not failed")
                .isEqualTo(new Comparison(List.of(), Map.of(q1, 2L)));
        assertThat(Comparison.of(expected, Map.of(q0, 2L, q1, 5L, q2, 2L)).problems()).containsExactly(
                q0 + " received 2 times, expected 1", q1 + " received 5 times, expected 2",
                q2 + " received 2 times, expected 1");
        assertThat(Comparison.of(expected, Map.of(q1, 1L, new Received("s", "t", "other", 2), 1L)).problems())
                .hasSize(4).anyMatch(p -> p.contains("payload=other"));
    }

    @Test
    void randomTopologiesCoverShapesPrefixesDirectionsSecurityQosAndOutsideBrokers() {
        List<Topology> random = new RandomTopologies().generate(SEED, RANDOM_COUNT);
        assertThat(random).hasSize(RANDOM_COUNT);
        assertThat(random).extracting(Topology::name).doesNotHaveDuplicates()
                .anyMatch(n -> n.contains("chain")).anyMatch(n -> n.contains("fan_in"));
        List<BridgeRule> rules = random.stream().flatMap(t -> t.bridges().stream())
                .flatMap(b -> b.rules().stream()).toList();
        assertThat(rules).extracting(BridgeRule::direction).containsAll(
                List.of(Direction.values()));
        assertThat(rules).anyMatch(r -> r.direction() == Direction.BOTH && r.hasPrefixes())
                .extracting(BridgeRule::qos).contains(0, 1, 2);
        List<Broker> brokers = random.stream().flatMap(t -> t.brokers().stream()).toList();
        assertThat(brokers).anyMatch(b -> !b.allowAnonymous() && !b.users().isEmpty() && b.acl().isEmpty())
                .anyMatch(b -> !b.allowAnonymous() && !b.acl().isEmpty()).anyMatch(Broker::allowAnonymous)
                .anyMatch(b -> b.limits().effectiveMaxQos() == 1);
        assertThat(random).as("a bridge into a broker without anonymous access carries a route")
                .anyMatch(t -> new Router().routes(t).routes().stream().flatMap(r -> r.hops().stream())
                        .anyMatch(h -> h.viaBridgeId() != null && t.broker(h.brokerId()).map(b -> !b.allowAnonymous()).orElse(false)));
        assertThat(random).anyMatch(t -> !t.externalBrokers().isEmpty()
                && new Router().routes(t).routes().stream().anyMatch(r -> r.hops().stream()
                        .anyMatch(h -> t.externalBroker(h.brokerId()).isPresent())));
        assertThat(random.stream().flatMap(t -> t.publishers().stream())).extracting(Publisher::qos)
                .contains(0, 1, 2);
        assertThat(random.stream().flatMap(t -> t.publishers().stream())).anyMatch(p -> p.client().username() != null);
        assertThat(random).allSatisfy(t -> assertThat(t.brokers()).hasSizeBetween(2, 4));
        assertThat(new RandomTopologies().generate(SEED, RANDOM_COUNT)).as("same seed, same topologies")
                .isEqualTo(random);
    }

    private Outcome run(Topology designed, RunOptions.Runtime runtime) {
        try (MosquittoProcesses outside = new MosquittoProcesses()) {
            Topology topology = withOutsideBrokers(designed, outside);
            Map<Received, Long> expected = expected(topology);
            TopologyRunner runner = TopologyRunner.create(topology, RunOptions.defaults().withRuntime(runtime)
                    .withPortOffset(claimOffset(topology)).withSeed(SEED));
            try {
                runner.start();
            } catch (RuntimeException e) {
                runner.stop();
                return new Outcome(Map.of(), e.toString());
            }
            try {
                await().atMost(WAIT).until(() -> received(runner).keySet().containsAll(expected.keySet()));
            } catch (ConditionTimeoutException e) {
                // the assertion shows what is missing
            } finally {
                runner.stop(); // lets stragglers and duplicates arrive first
            }
            return new Outcome(received(runner), null);
        } catch (InterruptedException | IOException e) {
            return new Outcome(Map.of(), "outside broker: " + e);
        }
    }

    /** Each external broker moved to a port of its own, where an anonymous mosquitto of this run listens. */
    private Topology withOutsideBrokers(Topology topology, MosquittoProcesses outside) throws IOException {
        Topology moved = topology;
        for (ExternalBroker e : topology.externalBrokers()) {
            int port = claimPort();
            Path conf = Files.writeString(outside.folder().resolve(e.id() + ".conf"),
                    "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
            outside.start(e.id(), conf, port);
            moved = moved.withNode(new ExternalBroker(e.id(), e.name(), e.host(), port, e.position()));
        }
        return moved;
    }

    private int claimPort() {
        synchronized (claimedPorts) {
            while (true) {
                int port = FreePorts.one();
                if (claimedPorts.add(port)) {
                    return port;
                }
            }
        }
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

    private static Map<Received, Long> received(TopologyRunner runner) {
        return runner.deliveries().stream()
                .map(d -> new Received(d.subscriberId(), d.topic(), d.payloadText(), d.qos()))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    }

    /**
     * The Router's routes as receipts: per publisher, subscriber and path of bridges one copy of each of the
     * publisher's messages, on the topic it has at the subscriber's broker; a subscriber that gets a message
     * over several of its filters gets that copy once, at the highest QoS (measured on both brokers for MQTT
     * 3.1.1: MqttBehaviourTest), while separate paths deliver a copy each.
     */
    static Map<Received, Long> expected(Topology topology) {
        Map<List<Object>, Integer> qos = new HashMap<>();
        for (Route route : new Router().routes(topology).routes()) {
            Publisher publisher = topology.publishers().stream()
                    .filter(p -> p.id().equals(route.publisherId())).findFirst().orElseThrow();
            String topic = route.hops().get(route.hops().size() - 1).topic();
            PayloadTemplate template = PayloadTemplate.parse(publisher.payload());
            for (int seq = 1; seq <= publisher.count(); seq++) {
                String payload = template.render(seq, Instant.now(), new SplittableRandom(SEED));
                qos.merge(List.of(route.subscriberId(), topic, payload, route.publisherId(), route.bridgeIds()),
                        route.qos(), Math::max);
            }
        }
        return qos.entrySet().stream().collect(Collectors.groupingBy(e -> new Received(
                (String) e.getKey().get(0), (String) e.getKey().get(1), (String) e.getKey().get(2), e.getValue()),
                Collectors.counting()));
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

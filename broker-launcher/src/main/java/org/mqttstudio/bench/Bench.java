package org.mqttstudio.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mqttstudio.topology.Topology;

/**
 * Runs every {@link Scenario} (and the window sweep) on every {@link BenchTarget}, alternating brokers within each
 * scenario, with one load generator, in rounds (machine noise hits the brokers alike, and the median round is
 * reported); then the challenge topology on both runtimes, and the start-up and memory scale. Each broker runs in a
 * process of its own on the broker's cores.
 */
public final class Bench {
    /** The topology scenarios: the challenge's paths through one and two bridges, at each QoS, 1 → 1. */
    static final List<Scenario> TOPOLOGY_SCENARIOS = List.of(new Scenario(0, 1, 1, Scenario.DEFAULT_WINDOW),
            new Scenario(1, 1, 1, Scenario.DEFAULT_WINDOW), new Scenario(2, 1, 1, Scenario.DEFAULT_WINDOW));
    static final String RUN_EMBEDDED = "run-embedded";
    static final String RUN_MOSQUITTO = "run-mosquitto";

    private final BenchOptions options;
    private final Consumer<String> progress;

    /** @param progress receives a line as each step starts */
    public Bench(BenchOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        Machine machine = Machine.current();
        options.pinning().pinThisProcess();
        LoadGenerator load = new LoadGenerator(options.payloadBytes(), options.quietMillis());
        List<Measurement> rounds = new ArrayList<>();
        List<Startup> startups = new ArrayList<>();
        Map<BenchTarget, BrokerUnderTest> brokers = startAll(BenchTarget.values().length,
                Stream.of(BenchTarget.values()).map(target -> new Starting<>(target, target.label(),
                        () -> BrokerUnderTest.start(target, options.queuePerClient(), options.pinning()))).toList());
        try {
            warmUp(load, brokers.values());
            for (int round = 1; round <= options.rounds(); round++) {
                for (Scenario scenario : Stream.concat(Scenario.ALL.stream(), Scenario.SWEEP.stream()).toList()) {
                    int deliveries = scenario.window() == Scenario.DEFAULT_WINDOW ? options.messages()
                            : options.sweepMessages();
                    for (BrokerUnderTest broker : brokers.values()) {
                        progress.accept("round " + round + ": " + scenario.label() + " on " + broker.label());
                        rounds.add(measure(load, broker, broker.port(), broker.port(), broker.label(), scenario,
                                deliveries));
                    }
                }
            }
        } finally {
            closeAll(brokers.values());
        }
        runTopology(load, rounds, startups);
        for (int count : options.scale()) {
            scale(count, startups);
        }
        return new BenchReport(started, machine, options, rounds, startups);
    }

    /**
     * The challenge on both runtimes, both up at once and alternated: publishers on BridgeBroker1 (one bridge to
     * Central) and on BridgeBroker2 (two bridges, through BridgeBroker3), the subscriber on Central.
     */
    private void runTopology(LoadGenerator load, List<Measurement> rounds, List<Startup> startups)
            throws IOException, InterruptedException {
        Topology challenge = BenchTopologies.challenge(BenchTopologies.challengeFile(), options.queuePerClient());
        Map<String, BrokerUnderTest> runs = startAll(2, List.of(
                new Starting<>("embedded", "challenge on the embedded runtime",
                        () -> BrokerUnderTest.startRun("embedded", RUN_EMBEDDED, challenge, options.pinning())),
                new Starting<>("mosquitto", "challenge on the mosquitto runtime",
                        () -> BrokerUnderTest.startRun("mosquitto", RUN_MOSQUITTO, challenge, options.pinning()))));
        try {
            for (BrokerUnderTest run : runs.values()) {
                startups.add(new Startup("challenge", run.label(), challenge.brokers().size(), run.upMillis(),
                        run.residentBytes(), run.heapBytes(), run.childResidentBytes()));
            }
            int share = options.warmup() / TOPOLOGY_SCENARIOS.size() / 2;
            for (BrokerUnderTest run : share < 10 ? List.<BrokerUnderTest>of() : runs.values()) {
                progress.accept("warming up the challenge on the " + run.label() + " runtime");
                for (Scenario scenario : TOPOLOGY_SCENARIOS) {
                    for (String from : List.of(BenchTopologies.BRIDGE_BROKER_1, BenchTopologies.BRIDGE_BROKER_2)) {
                        load.run(run.label(), run.port(from), run.port(BenchTopologies.CENTRAL), scenario, share);
                    }
                }
            }
            for (int round = 1; round <= options.rounds(); round++) {
                for (Scenario scenario : TOPOLOGY_SCENARIOS) {
                    for (String from : List.of(BenchTopologies.BRIDGE_BROKER_1, BenchTopologies.BRIDGE_BROKER_2)) {
                        for (BrokerUnderTest run : runs.values()) {
                            String label = topologyLabel(run.label(), from);
                            progress.accept("round " + round + ": " + scenario.label() + " on " + label);
                            rounds.add(measure(load, run, run.port(from), run.port(BenchTopologies.CENTRAL), label,
                                    scenario, options.messages()));
                        }
                    }
                }
            }
        } finally {
            closeAll(runs.values());
        }
    }

    static String topologyLabel(String runtime, String from) {
        return "challenge, " + runtime + ", " + (from.equals(BenchTopologies.BRIDGE_BROKER_1) ? "1 bridge"
                : "2 bridges");
    }

    /** {@code count} brokers as {@code studio run} starts them, on each runtime in turn. */
    private void scale(int count, List<Startup> startups) throws IOException, InterruptedException {
        Topology many = BenchTopologies.many(count, options.queuePerClient());
        for (String runtime : List.of("embedded", "mosquitto")) {
            progress.accept("starting " + count + " brokers on the " + runtime + " runtime");
            String name = count + (count == 1 ? " broker" : " brokers");
            try (BrokerUnderTest run = BrokerUnderTest.startRun(runtime,
                    runtime.equals("embedded") ? RUN_EMBEDDED : RUN_MOSQUITTO, many, options.pinning())) {
                startups.add(new Startup(name, runtime, count, run.upMillis(), run.residentBytes(), run.heapBytes(),
                        run.childResidentBytes()));
            } catch (IOException e) {
                progress.accept(e.getMessage());
                startups.add(Startup.failed(name, runtime, count)); // the rest of the bench still counts
            }
        }
    }

    private static Measurement measure(LoadGenerator load, BrokerUnderTest broker, int publishPort,
                                       int subscribePort, String label, Scenario scenario, int deliveries)
            throws InterruptedException {
        Duration cpuBefore = broker.cpuTime();
        Measurement measured = load.run(label, publishPort, subscribePort, scenario, deliveries);
        return measured.withCpu(broker.cpuTime().minus(cpuBefore));
    }

    private record Starting<K>(K key, String label, Callable<BrokerUnderTest> start) {
    }

    /** Starts in parallel (a JVM with HiveMQ takes seconds to start); closes what started when one fails. */
    private <K> Map<K, BrokerUnderTest> startAll(int threads, List<Starting<K>> starts)
            throws IOException, InterruptedException {
        progress.accept("starting " + String.join(", ", starts.stream().map(Starting::label).toList()));
        ExecutorService starter = Executors.newFixedThreadPool(threads);
        Map<K, BrokerUnderTest> started = new LinkedHashMap<>();
        try {
            Map<K, Future<BrokerUnderTest>> starting = new LinkedHashMap<>();
            for (Starting<K> start : starts) {
                starting.put(start.key(), starter.submit(start.start()));
            }
            IOException failure = null;
            for (Map.Entry<K, Future<BrokerUnderTest>> entry : starting.entrySet()) {
                try {
                    started.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof IOException io ? io
                            : new IOException(entry.getKey() + " did not start: " + e.getCause(), e);
                }
            }
            if (failure != null) {
                closeAll(started.values());
                throw failure;
            }
            return started;
        } finally {
            starter.shutdown();
        }
    }

    private static void closeAll(Iterable<BrokerUnderTest> brokers) throws IOException {
        for (BrokerUnderTest broker : brokers) {
            broker.close();
        }
    }

    /**
     * Every broker gets the warm-up, spread over the scenarios: the embedded broker's JVM (HiveMQ, and the tap)
     * compiles for over 200 000 messages, and would otherwise do so while being measured; the load generator
     * sees it all.
     */
    private void warmUp(LoadGenerator load, Iterable<BrokerUnderTest> brokers) throws InterruptedException {
        List<Scenario> scenarios = Scenario.ALL;
        int share = options.warmup() / scenarios.size();
        if (share < 10) {
            return;
        }
        for (BrokerUnderTest broker : brokers) {
            progress.accept("warming up " + broker.label() + " (" + options.warmup() + " messages)");
            for (Scenario scenario : scenarios) {
                load.run(broker.label(), broker.port(), broker.port(), scenario, share);
            }
        }
    }
}

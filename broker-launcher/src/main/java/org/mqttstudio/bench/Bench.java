package org.mqttstudio.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs every {@link Scenario} on every {@link BenchTarget}, alternating brokers within each scenario, with one
 * load generator, in rounds (machine noise hits the brokers alike, and the median round is reported). Each broker
 * runs in a process of its own for the whole bench, on the broker's cores.
 */
public final class Bench {
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
        LoadGenerator load = new LoadGenerator(options.payloadBytes(), options.window());
        Map<BenchTarget, BrokerUnderTest> brokers = new EnumMap<>(BenchTarget.class);
        try {
            startAll(brokers);
            warmUp(load, brokers);
            List<Measurement> rounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (Scenario scenario : Scenario.ALL) {
                    for (BrokerUnderTest broker : brokers.values()) {
                        progress.accept("round " + round + ": " + scenario.label() + " on " + broker.target().label());
                        Duration cpuBefore = broker.cpuTime();
                        Measurement measured = load.run(broker.target(), broker.port(), scenario,
                                options.messages());
                        rounds.add(measured.withCpu(broker.cpuTime().minus(cpuBefore)));
                    }
                }
            }
            return new BenchReport(started, machine, options, rounds);
        } finally {
            for (BrokerUnderTest broker : brokers.values()) {
                broker.close();
            }
        }
    }

    /** Starts the brokers in parallel (a JVM with HiveMQ takes seconds to start), into {@code brokers}. */
    private void startAll(Map<BenchTarget, BrokerUnderTest> brokers) throws IOException, InterruptedException {
        progress.accept("starting " + Arrays.stream(BenchTarget.values()).map(BenchTarget::label)
                .collect(Collectors.joining(", ")));
        ExecutorService starter = Executors.newFixedThreadPool(BenchTarget.values().length);
        try {
            Map<BenchTarget, Future<BrokerUnderTest>> starting = new EnumMap<>(BenchTarget.class);
            for (BenchTarget target : BenchTarget.values()) {
                starting.put(target, starter.submit(() -> BrokerUnderTest.start(target, options.pinning())));
            }
            IOException failure = null;
            for (Map.Entry<BenchTarget, Future<BrokerUnderTest>> entry : starting.entrySet()) {
                try {
                    brokers.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof IOException io ? io
                            : new IOException(entry.getKey().label() + " did not start: " + e.getCause(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starter.shutdown();
        }
    }

    /**
     * Every broker gets the warm-up, spread over all scenarios: the embedded broker's JVM (HiveMQ, and the tap)
     * compiles for over 200 000 messages, and would otherwise do so while being measured; the load generator
     * sees it all.
     */
    private void warmUp(LoadGenerator load, Map<BenchTarget, BrokerUnderTest> brokers) throws InterruptedException {
        int share = options.warmup() / Scenario.ALL.size();
        if (share < Scenario.ALL.stream().mapToInt(Scenario::publishers).max().orElse(1)) {
            return;
        }
        for (BrokerUnderTest broker : brokers.values()) {
            progress.accept("warming up " + broker.target().label() + " (" + options.warmup() + " messages)");
            for (Scenario scenario : Scenario.ALL) {
                load.run(broker.target(), broker.port(), scenario, share);
            }
        }
    }
}

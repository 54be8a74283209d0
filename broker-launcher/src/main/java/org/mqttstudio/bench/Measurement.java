package org.mqttstudio.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One scenario's result on one broker.
 *
 * @param sent          messages published
 * @param received      distinct messages the subscriber got
 * @param lost          sent but never received
 * @param duplicates    received more than once
 * @param ratePerSecond distinct messages received per second, first publish to last receipt
 * @param p50Micros     median publish-to-receipt latency
 * @param p99Micros     99th percentile latency
 * @param cpuMicros     cpu time the broker's process used per received message (all its threads: for the tapped
 *                      broker the tap's too), 0 when unknown
 */
public record Measurement(BenchTarget target, Scenario scenario, long sent, long received, long lost,
                          long duplicates, double ratePerSecond, long p50Micros, long p99Micros, double cpuMicros) {

    /** The same with the broker's cpu time per message: {@code cpu} over the messages received. */
    Measurement withCpu(Duration cpu) {
        return new Measurement(target, scenario, sent, received, lost, duplicates, ratePerSecond, p50Micros,
                p99Micros, received == 0 ? 0 : cpu.toNanos() / 1000.0 / received);
    }

    /**
     * Several rounds of one scenario on one broker as one: the rate and latencies of the round with the median rate
     * (the lower middle one for an even count), the median cpu time per message, and sent, lost and duplicates of
     * all rounds added up.
     */
    static Measurement median(List<Measurement> rounds) {
        List<Measurement> byRate = rounds.stream().sorted(Comparator.comparingDouble(Measurement::ratePerSecond))
                .toList();
        Measurement middle = byRate.get((byRate.size() - 1) / 2);
        return new Measurement(middle.target, middle.scenario, sum(rounds, Measurement::sent),
                sum(rounds, Measurement::received), sum(rounds, Measurement::lost),
                sum(rounds, Measurement::duplicates),
                middle.ratePerSecond, middle.p50Micros, middle.p99Micros,
                rounds.stream().mapToDouble(Measurement::cpuMicros).sorted().skip((rounds.size() - 1) / 2)
                        .findFirst().orElse(0));
    }

    private static long sum(List<Measurement> rounds, ToLongFunction<Measurement> value) {
        return rounds.stream().mapToLong(value).sum();
    }
}

package org.mqttstudio.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One scenario's result on one broker (or topology).
 *
 * @param broker        what was measured: a {@link BenchTarget}'s label, or a topology path
 * @param expected      deliveries expected: messages published times subscribers
 * @param received      distinct messages the subscribers got
 * @param lost          expected but never received
 * @param duplicates    received more than once
 * @param ratePerSecond distinct deliveries per second, first publish to last receipt
 * @param p50Micros     median publish-to-receipt latency
 * @param p99Micros     99th percentile latency
 * @param cpuMicros     cpu time the broker's processes used per received message (all their threads: for a tapped
 *                      broker the taps' too), 0 when unknown
 */
public record Measurement(String broker, Scenario scenario, long expected, long received, long lost,
                          long duplicates, double ratePerSecond, long p50Micros, long p99Micros, double cpuMicros) {

    /** The same with the broker's cpu time per message: {@code cpu} over the messages received. */
    Measurement withCpu(Duration cpu) {
        return new Measurement(broker, scenario, expected, received, lost, duplicates, ratePerSecond, p50Micros,
                p99Micros, received == 0 ? 0 : cpu.toNanos() / 1000.0 / received);
    }

    /** Whether every expected message arrived: only then does its rate count in a ratio. */
    public boolean lossless() {
        return lost == 0;
    }

    /**
     * Several rounds of one scenario on one broker as one: the rate and latencies of the round with the median rate
     * (the lower middle one for an even count), the median cpu time per message, and expected, lost and duplicates
     * of all rounds added up.
     */
    static Measurement median(List<Measurement> rounds) {
        List<Measurement> byRate = rounds.stream().sorted(Comparator.comparingDouble(Measurement::ratePerSecond))
                .toList();
        Measurement middle = byRate.get((byRate.size() - 1) / 2);
        return new Measurement(middle.broker, middle.scenario, sum(rounds, Measurement::expected),
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

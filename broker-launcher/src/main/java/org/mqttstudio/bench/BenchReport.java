package org.mqttstudio.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * One bench run's measurements (every round of every scenario on every broker, in the order they ran) and what they
 * ran on, as a Markdown table with the ratios.
 *
 * <p>A ratio of two brokers is the median over the rounds of that round's ratio: within a round the brokers run the
 * scenario back to back, so a machine that is slower for a while (a shared host) slows both sides of a ratio alike,
 * where two medians taken apart may come from different minutes.
 */
public record BenchReport(Instant started, Machine machine, BenchOptions options, List<Measurement> rounds) {
    private static final double TAP_TARGET = 0.90;
    private static final double MOSQUITTO_TARGET = 1.00;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public BenchReport {
        rounds = List.copyOf(rounds);
    }

    /** One scenario on one broker over all rounds, as {@link Measurement#median} sums it up, if it ran. */
    public Optional<Measurement> find(Scenario scenario, BenchTarget target) {
        List<Measurement> of = roundsOf(scenario, target);
        return of.isEmpty() ? Optional.empty() : Optional.of(Measurement.median(of));
    }

    /** Rate of {@code numerator} over rate of {@code denominator} for a scenario (median of the rounds' ratios). */
    public Optional<Double> ratio(Scenario scenario, BenchTarget numerator, BenchTarget denominator) {
        return quotient(scenario, numerator, denominator, Measurement::ratePerSecond);
    }

    private List<Measurement> roundsOf(Scenario scenario, BenchTarget target) {
        return rounds.stream().filter(m -> m.scenario().equals(scenario) && m.target() == target).toList();
    }

    private Optional<Double> quotient(Scenario scenario, BenchTarget numerator, BenchTarget denominator,
                                      ToDoubleFunction<Measurement> metric) {
        List<Measurement> above = roundsOf(scenario, numerator);
        List<Measurement> below = roundsOf(scenario, denominator);
        double[] ratios = IntStream.range(0, Math.min(above.size(), below.size()))
                .filter(round -> metric.applyAsDouble(below.get(round)) > 0)
                .mapToDouble(round -> metric.applyAsDouble(above.get(round)) / metric.applyAsDouble(below.get(round)))
                .sorted().toArray();
        return ratios.length == 0 ? Optional.empty() : Optional.of(ratios[(ratios.length - 1) / 2]);
    }

    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("studio bench, ").append(DATE.format(started)).append("\n\n");
        text.append("- machine: ").append(machine.cores()).append(" cores, ").append(machine.cpuModel())
                .append(", ").append(machine.os()).append(", ").append(machine.java()).append(", load average ")
                .append(machine.loadAverage()).append(" at the start\n");
        text.append("- pinning: ").append(options.pinning().description()).append('\n');
        text.append("- load: hivemq-mqtt-client, MQTT 3.1.1, one JVM; ").append(options.messages())
                .append(" messages per row, ").append(options.payloadBytes()).append("-byte payloads, the publishers")
                .append(" at most ").append(options.window()).append(" messages ahead of the subscriber in all; ")
                .append(options.warmup()).append(" warm-up messages per broker first\n");
        text.append("- rounds: ").append(options.rounds()).append(", each scenario alternating the brokers; msg/s and")
                .append(" latency of the round with the median rate, sent/lost/duplicates of all rounds; each ratio is")
                .append(" the median of the rounds' ratios\n");
        text.append("- latency: publish to receipt, including the wait in that window\n");
        text.append("- cpu µs/msg: cpu time of the broker's process (all threads; the tapped one's include the tap)")
                .append(" per message received, median of the rounds\n\n");
        text.append("| scenario | broker | msg/s | p50 ms | p99 ms | cpu µs/msg | sent | lost | duplicates |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Measurement> rows = Scenario.ALL.stream().flatMap(scenario -> Arrays.stream(BenchTarget.values())
                .flatMap(target -> find(scenario, target).stream())).toList();
        for (Measurement m : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.1f | %d | %d | %d |%n",
                    m.scenario().label(), m.target().label(), m.ratePerSecond(), m.p50Micros() / 1000.0,
                    m.p99Micros() / 1000.0, m.cpuMicros(), m.sent(), m.lost(), m.duplicates()));
        }
        text.append("\n| scenario | tap / bare | embedded / mosquitto | tap cpu / bare cpu |\n|---|---:|---:|---:|\n");
        int tapMet = 0;
        int tapCount = 0;
        int mosquittoMet = 0;
        int mosquittoCount = 0;
        for (Scenario scenario : Scenario.ALL) {
            Optional<Double> tap = ratio(scenario, BenchTarget.EMBEDDED_TAPPED, BenchTarget.EMBEDDED);
            Optional<Double> versus = ratio(scenario, BenchTarget.EMBEDDED, BenchTarget.MOSQUITTO);
            text.append("| ").append(scenario.label()).append(" | ").append(format(tap)).append(" | ")
                    .append(format(versus)).append(" | ").append(format(cpuRatio(scenario))).append(" |\n");
            if (tap.isPresent()) {
                tapCount++;
                tapMet += tap.get() >= TAP_TARGET ? 1 : 0;
            }
            if (versus.isPresent() && scenario.qos() > 0) {
                mosquittoCount++;
                mosquittoMet += versus.get() >= MOSQUITTO_TARGET ? 1 : 0;
            }
        }
        text.append("\nTargets: tap / bare ≥ ").append(TAP_TARGET).append(" met in ").append(tapMet).append(" of ")
                .append(tapCount).append(" scenarios; embedded / mosquitto ≥ ").append(MOSQUITTO_TARGET)
                .append(" at QoS 1 and 2 met in ").append(mosquittoMet).append(" of ").append(mosquittoCount)
                .append(".\n");
        return text.toString();
    }

    /** How much cpu the tapped broker's process spends per message, relative to the bare one's. */
    public Optional<Double> cpuRatio(Scenario scenario) {
        return quotient(scenario, BenchTarget.EMBEDDED_TAPPED, BenchTarget.EMBEDDED, Measurement::cpuMicros)
                .filter(r -> r > 0); // 0: the tapped broker's cpu time is unknown
    }

    private static String format(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("–");
    }
}

package org.mqttstudio.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** One bench run's measurements and what they ran on, as a Markdown table with the ratios. */
public record BenchReport(Instant started, Machine machine, BenchOptions options, List<Measurement> measurements) {
    private static final double TAP_TARGET = 0.90;
    private static final double MOSQUITTO_TARGET = 1.00;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public BenchReport {
        measurements = List.copyOf(measurements);
    }

    /** The measurement of one scenario on one broker, if it ran. */
    public Optional<Measurement> find(Scenario scenario, BenchTarget target) {
        return measurements.stream().filter(m -> m.scenario().equals(scenario) && m.target() == target).findFirst();
    }

    /** Rate of {@code numerator} over rate of {@code denominator} for a scenario, if both ran. */
    public Optional<Double> ratio(Scenario scenario, BenchTarget numerator, BenchTarget denominator) {
        return quotient(scenario, numerator, denominator, Measurement::ratePerSecond);
    }

    private Optional<Double> quotient(Scenario scenario, BenchTarget numerator, BenchTarget denominator,
                                      ToDoubleFunction<Measurement> metric) {
        return find(scenario, numerator).flatMap(n -> find(scenario, denominator)
                .filter(d -> metric.applyAsDouble(d) > 0)
                .map(d -> metric.applyAsDouble(n) / metric.applyAsDouble(d)));
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
                .append(" latency of the round with the median rate, sent/lost/duplicates of all rounds\n");
        text.append("- latency: publish to receipt, including the wait in that window\n");
        text.append("- cpu µs/msg: cpu time of the broker's process (all threads; the tapped one's include the tap)")
                .append(" per message received, median of the rounds\n\n");
        text.append("| scenario | broker | msg/s | p50 ms | p99 ms | cpu µs/msg | sent | lost | duplicates |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
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

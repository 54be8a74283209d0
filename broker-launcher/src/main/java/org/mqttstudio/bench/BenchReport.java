package org.mqttstudio.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One bench run's measurements (every round of every scenario on every broker and topology path, in the order they
 * ran), its start-ups, and what they ran on, as Markdown tables with the ratios.
 *
 * <p>A ratio of two brokers is the median over the rounds of that round's ratio: within a round the brokers run the
 * scenario back to back, so a machine that is slower for a while (a shared host) slows both sides of a ratio alike,
 * where two medians taken apart may come from different minutes. A round in which either side lost a message is
 * left out of the ratio: a rate bought by dropping is no rate to compare.
 */
public record BenchReport(Instant started, Machine machine, BenchOptions options, List<Measurement> rounds,
                          List<Startup> startups) {
    /** The goal (issue 12): embedded as the Studio runs it ≥ mosquitto, bare ≥ 1.2×, at QoS 1 and 2. */
    static final double TAPPED_GOAL = 1.0;
    static final double BARE_GOAL = 1.2;
    static final String LOSS_MARK = " ✗";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final double MB = 1024.0 * 1024.0;

    public BenchReport {
        rounds = List.copyOf(rounds);
        startups = List.copyOf(startups);
    }

    /** One scenario on one broker over all rounds, as {@link Measurement#median} sums it up, if it ran. */
    public Optional<Measurement> find(Scenario scenario, String broker) {
        List<Measurement> of = roundsOf(scenario, broker);
        return of.isEmpty() ? Optional.empty() : Optional.of(Measurement.median(of));
    }

    /**
     * Rate of {@code numerator} over rate of {@code denominator} for a scenario: the median of the rounds' ratios
     * (the mean of the middle two for an even count), rounds with a loss on either side left out; empty when no
     * round is left.
     */
    public Optional<Double> ratio(Scenario scenario, String numerator, String denominator) {
        return quotient(scenario, numerator, denominator, Measurement::ratePerSecond);
    }

    private List<Measurement> roundsOf(Scenario scenario, String broker) {
        return rounds.stream().filter(m -> m.scenario().equals(scenario) && m.broker().equals(broker)).toList();
    }

    private Optional<Double> quotient(Scenario scenario, String numerator, String denominator,
                                      ToDoubleFunction<Measurement> metric) {
        List<Measurement> above = roundsOf(scenario, numerator);
        List<Measurement> below = roundsOf(scenario, denominator);
        double[] ratios = IntStream.range(0, Math.min(above.size(), below.size()))
                .filter(round -> above.get(round).lossless() && below.get(round).lossless())
                .filter(round -> metric.applyAsDouble(below.get(round)) > 0)
                .mapToDouble(round -> metric.applyAsDouble(above.get(round)) / metric.applyAsDouble(below.get(round)))
                .sorted().toArray();
        if (ratios.length == 0) {
            return Optional.empty();
        }
        int middle = ratios.length / 2; // an even count (two rounds) takes the mean of the middle two
        return Optional.of(ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2);
    }

    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("studio bench, ").append(DATE.format(started)).append("\n\n");
        text.append("- machine: ").append(machine.cores()).append(" cores, ").append(machine.cpuModel())
                .append(", ").append(machine.os()).append(", ").append(machine.java()).append(", load average ")
                .append(machine.loadAverage()).append(" at the start\n");
        text.append("- pinning: ").append(options.pinning().description()).append('\n');
        text.append("- brokers: HiveMQ CE embedded and mosquitto, each at its defaults but the queue per client, set")
                .append(" to ").append(options.queuePerClient()).append(" messages on both (so that nothing is")
                .append(" dropped for a slow subscriber); \"studio run\": the broker as the Studio runs it, behind")
                .append(" its wire taps recording every packet\n");
        text.append("- load: hivemq-mqtt-client, MQTT 3.1.1, one JVM; ").append(options.messages())
                .append(" deliveries per row (").append(options.sweepMessages()).append(" in the sweep), ")
                .append(options.payloadBytes()).append("-byte payloads; each publisher keeps at most ")
                .append(Scenario.DEFAULT_WINDOW).append(" publishes unacknowledged (the window) unless the row says")
                .append(" otherwise; ").append(options.warmup()).append(" warm-up messages per broker first\n");
        text.append("- rounds: ").append(options.rounds()).append(", each scenario alternating the brokers; msg/s and")
                .append(" latency of the round with the median rate, expected/lost/duplicates of all rounds; each")
                .append(" ratio is the median of the rounds' ratios, rounds with a loss left out\n");
        text.append("- a rate marked").append(LOSS_MARK).append(" lost messages: it is not used in any ratio\n");
        text.append("- cpu µs/msg: cpu time of the broker's processes (all threads, the taps' included) per message")
                .append(" received, median of the rounds\n\n");
        List<String> brokers = Stream.of(BenchTarget.values()).map(BenchTarget::label).toList();
        table(text, Stream.concat(Scenario.ALL.stream(), Scenario.SWEEP.stream()).toList(), brokers, "broker");
        ratios(text);
        List<String> paths = Stream.of("embedded", "mosquitto").flatMap(runtime -> Stream.of(
                Bench.topologyLabel(runtime, BenchTopologies.BRIDGE_BROKER_1),
                Bench.topologyLabel(runtime, BenchTopologies.BRIDGE_BROKER_2))).toList();
        if (Bench.TOPOLOGY_SCENARIOS.stream().anyMatch(s -> paths.stream().anyMatch(p -> find(s, p).isPresent()))) {
            text.append("\nThe challenge as `studio run` runs it: publisher on BridgeBroker1 (1 bridge to Central) or")
                    .append(" BridgeBroker2 (2 bridges, through BridgeBroker3), subscriber on Central:\n\n");
            table(text, Bench.TOPOLOGY_SCENARIOS, paths, "runtime, path");
            text.append("\n| scenario | embedded / mosquitto, 1 bridge | embedded / mosquitto, 2 bridges |\n")
                    .append("|---|---:|---:|\n");
            for (Scenario scenario : Bench.TOPOLOGY_SCENARIOS) {
                text.append("| ").append(scenario.label()).append(" | ")
                        .append(format(ratio(scenario, paths.get(0), paths.get(2)))).append(" | ")
                        .append(format(ratio(scenario, paths.get(1), paths.get(3)))).append(" |\n");
            }
        }
        if (!startups.isEmpty()) {
            text.append("\nStart-up as `studio run` starts it (from the runner's start to every broker listening and")
                    .append(" every bridge connected) and memory then (resident, all processes of the run; heap")
                    .append(" after a collection):\n\n")
                    .append("| topology | runtime | up ms | resident MB | of it mosquitto MB | Java heap MB |\n")
                    .append("|---|---|---:|---:|---:|---:|\n");
            for (Startup s : startups) {
                if (!s.started()) {
                    text.append("| ").append(s.topology()).append(" | ").append(s.runtime())
                            .append(" | did not start | – | – | – |\n");
                    continue;
                }
                text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.0f | %.0f | %.0f |%n", s.topology(),
                        s.runtime(), s.upMillis(), s.residentBytes() / MB, s.mosquittoBytes() / MB,
                        s.heapBytes() / MB));
            }
        }
        return text.toString();
    }

    private void table(StringBuilder text, List<Scenario> scenarios, List<String> brokers, String what) {
        text.append("| scenario | ").append(what)
                .append(" | msg/s | p50 ms | p99 ms | cpu µs/msg | expected | lost | duplicates |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario scenario : scenarios) {
            for (String broker : brokers) {
                find(scenario, broker).ifPresent(m -> text.append(String.format(Locale.ROOT,
                        "| %s | %s | %,.0f%s | %.2f | %.2f | %.1f | %d | %d | %d |%n", m.scenario().label(),
                        m.broker(), m.ratePerSecond(), m.lossless() ? "" : LOSS_MARK, m.p50Micros() / 1000.0,
                        m.p99Micros() / 1000.0, m.cpuMicros(), m.expected(), m.lost(), m.duplicates())));
            }
        }
    }

    private void ratios(StringBuilder text) {
        String bare = BenchTarget.EMBEDDED.label();
        String run = BenchTarget.EMBEDDED_TAPPED.label();
        String mosquitto = BenchTarget.MOSQUITTO.label();
        String mosquittoRun = BenchTarget.MOSQUITTO_TAPPED.label();
        text.append("\n| scenario | embedded / mosquitto | embedded studio run / mosquitto | tap: embedded run / bare")
                .append(" | tap: mosquitto run / bare | tap cpu: embedded run / bare |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        int bareMet = 0;
        int runMet = 0;
        int goals = 0;
        StringBuilder gap = new StringBuilder();
        for (Scenario scenario : Stream.concat(Scenario.ALL.stream(), Scenario.SWEEP.stream()).toList()) {
            Optional<Double> bareRatio = ratio(scenario, bare, mosquitto);
            Optional<Double> runRatio = ratio(scenario, run, mosquitto);
            text.append("| ").append(scenario.label()).append(" | ").append(format(bareRatio)).append(" | ")
                    .append(format(runRatio)).append(" | ").append(format(ratio(scenario, run, bare))).append(" | ")
                    .append(format(ratio(scenario, mosquittoRun, mosquitto))).append(" | ")
                    .append(format(quotient(scenario, run, bare, Measurement::cpuMicros).filter(r -> r > 0)))
                    .append(" |\n");
            if (scenario.qos() > 0 && scenario.subscribers() == 1 && scenario.window() == Scenario.DEFAULT_WINDOW) {
                goals++;
                bareMet += bareRatio.filter(r -> r >= BARE_GOAL).isPresent() ? 1 : 0;
                runMet += runRatio.filter(r -> r >= TAPPED_GOAL).isPresent() ? 1 : 0;
                gap.append(gap.isEmpty() ? "" : "; ").append(scenario.label()).append(": ").append(format(runRatio))
                        .append(" / ").append(format(bareRatio));
            }
        }
        text.append("\nGoal (QoS 1 and 2, 1 → 1 and 10 → 1, nothing lost): embedded as studio runs it ≥ ")
                .append(TAPPED_GOAL).append("× mosquitto met in ").append(runMet).append(" of ").append(goals)
                .append("; embedded bare ≥ ").append(BARE_GOAL).append("× met in ").append(bareMet).append(" of ")
                .append(goals).append(" (studio run / bare against mosquitto: ").append(gap).append(").\n");
    }

    private static String format(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("–");
    }
}

package org.mqttstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final Machine MACHINE = new Machine(2, "AMD EPYC", "0.50", "OpenJDK 17", "Linux");
    private static final BenchOptions OPTIONS = new BenchOptions(1000, 0, 32, 1, Pinning.none(), List.of());
    private static final String BARE = BenchTarget.EMBEDDED.label();
    private static final String RUN = BenchTarget.EMBEDDED_TAPPED.label();
    private static final String MOSQUITTO = BenchTarget.MOSQUITTO.label();
    private static final String MOSQUITTO_RUN = BenchTarget.MOSQUITTO_TAPPED.label();

    @Test
    void theTableHasOneRowPerScenarioAndBrokerAndTheRatiosOfTheRates() {
        List<Measurement> measurements = new ArrayList<>();
        for (Scenario scenario : Stream.concat(Scenario.ALL.stream(), Scenario.SWEEP.stream()).toList()) {
            measurements.add(measurement(scenario, BARE, 10_000, 20));
            measurements.add(measurement(scenario, RUN, 9_500, 25));
            measurements.add(measurement(scenario, MOSQUITTO, scenario.qos() == 2 ? 7_500 : 8_000, 15));
            measurements.add(measurement(scenario, MOSQUITTO_RUN, 6_000, 18));
        }
        BenchReport report = new BenchReport(Instant.parse("2026-11-25T15:00:00Z"), MACHINE, OPTIONS, measurements,
                List.of(new Startup("challenge", "embedded", 4, 2_500, 300L << 20, 40L << 20, 0)));

        assertThat(report.ratio(new Scenario(1, 10, 1, 20), RUN, BARE))
                .hasValueSatisfying(r -> assertThat(r).isCloseTo(0.95, within(1e-9)));
        String text = report.markdown();
        assertThat(text).startsWith("studio bench, 2026-11-25 15:00 UTC")
                .contains("2 cores, AMD EPYC", "load average 0.50", "queue per client, set to 100000 messages")
                .contains("| QoS 2, 10 → 1 | embedded, studio run | 9,500 | 1.50 | 4.00 | 25.0 | 1000 | 0 | 0 |")
                .contains("| QoS 2, 1 → 1, window 100 | mosquitto | 7,500 |")
                .contains("| QoS 1, 1 → 1 | 1.25 | 1.19 | 0.95 | 0.75 | 1.25 |")
                .contains("| QoS 2, 1 → 1 | 1.33 | 1.27 | 0.95 | 0.80 | 1.25 |")
                .contains("≥ 1.0× mosquitto met in 4 of 4; embedded bare ≥ 1.2× met in 4 of 4")
                .contains("| challenge | embedded | 2,500 | 300 | 0 | 40 |");
        assertThat(text.lines().filter(line -> line.startsWith("| QoS "))).hasSize(13 * 4 + 13);
    }

    @Test
    void aRoundWithALossIsMarkedAndLeftOutOfTheRatio() {
        Scenario scenario = new Scenario(1, 1, 1, 20);
        List<Measurement> rounds = List.of(
                measurement(scenario, BARE, 100, 20), measurement(scenario, MOSQUITTO, 100, 20),
                new Measurement(BARE, scenario, 1000, 900, 100, 0, 400, 1_500, 4_000, 20),
                measurement(scenario, MOSQUITTO, 100, 20));
        BenchReport report = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS, rounds, List.of());

        assertThat(report.ratio(scenario, BARE, MOSQUITTO)).hasValue(1.0);
        assertThat(report.markdown()).contains("| QoS 1, 1 → 1 | embedded | 100 ✗ | 1.50 | 4.00 | 20.0 | 2000 | 100 |");
        BenchReport onlyLossy = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS, rounds.subList(2, 4), List.of());
        assertThat(onlyLossy.ratio(scenario, BARE, MOSQUITTO)).isEmpty();
        assertThat(onlyLossy.markdown()).contains("| QoS 1, 1 → 1 | – | – | – | – | – |")
                .contains("met in 0 of 4");
    }

    @Test
    void aRatioIsTheMedianOfEachRoundsRatioNotTheRatioOfTwoMedians() {
        Scenario scenario = new Scenario(0, 1, 1, 20);
        double[] bare = {100, 300, 200};
        double[] tapped = {95, 150, 190}; // round 2: the machine was busy while the tapped broker ran
        List<Measurement> rounds = new ArrayList<>();
        for (int round = 0; round < bare.length; round++) {
            rounds.add(measurement(scenario, BARE, bare[round], 20));
            rounds.add(measurement(scenario, RUN, tapped[round], 25));
        }
        BenchReport report = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS, rounds, List.of());

        assertThat(report.ratio(scenario, RUN, BARE)).hasValueSatisfying(r -> assertThat(r).isCloseTo(0.95,
                within(1e-9)));
        assertThat(report.find(scenario, BARE)).get()
                .extracting(Measurement::ratePerSecond, Measurement::expected).containsExactly(200.0, 3000L);
        assertThat(report.markdown()).contains("| QoS 0, 1 → 1 | embedded, studio run | 150 |",
                "| QoS 0, 1 → 1 | – | – | 0.95 |");
    }

    @Test
    void twoRoundsGiveTheMeanOfTheirRatios() {
        Scenario scenario = new Scenario(2, 10, 1, 20);
        BenchReport report = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS, List.of(
                measurement(scenario, RUN, 90, 20), measurement(scenario, MOSQUITTO, 100, 20),
                measurement(scenario, RUN, 110, 20), measurement(scenario, MOSQUITTO, 100, 20)), List.of());
        assertThat(report.ratio(scenario, RUN, MOSQUITTO)).hasValueSatisfying(r -> assertThat(r).isCloseTo(1.0,
                within(1e-9)));
    }

    @Test
    void optionsAndScenariosAreChecked() {
        assertThatThrownBy(() -> new BenchOptions(1000, 0, 8, 1, Pinning.none(), List.of()))
                .hasMessage("--payload must be at least 16 bytes: 8");
        assertThatThrownBy(() -> new BenchOptions(5, 0, 32, 1, Pinning.none(), List.of()))
                .hasMessage("--messages must be at least 10: 5");
        assertThatThrownBy(() -> new BenchOptions(1000, 0, 32, 1, Pinning.none(), List.of(0)))
                .hasMessage("broker counts must be 1..100: [0]");
        assertThatThrownBy(() -> new Scenario(1, 1, 1, 0)).hasMessage("window must be at least 1: 0");
        assertThat(new BenchOptions(200_000, 300_000, 32, 1, Pinning.none(), List.of()).queuePerClient())
                .isEqualTo(300_000);
        assertThat(new Scenario(1, 1, 10, 20).messagesFor(1000)).isEqualTo(100);
        assertThat(new Scenario(1, 1, 10, 20).label()).isEqualTo("QoS 1, 1 → 10");
        assertThat(new Scenario(2, 1, 1, 1).label()).isEqualTo("QoS 2, 1 → 1, window 1");
    }

    @Test
    void severalRoundsShowTheMedianRoundAndAllLossesAndDuplicates() {
        Scenario scenario = new Scenario(1, 1, 1, 20);
        Measurement median = Measurement.median(List.of(
                new Measurement(MOSQUITTO, scenario, 100, 99, 1, 0, 3_000, 10, 20, 9),
                new Measurement(MOSQUITTO, scenario, 100, 100, 0, 2, 1_000, 30, 40, 7),
                new Measurement(MOSQUITTO, scenario, 100, 100, 0, 0, 2_000, 50, 60, 8)));
        assertThat(median).isEqualTo(new Measurement(MOSQUITTO, scenario, 300, 299, 1, 2, 2_000, 50, 60, 8));
    }

    private static Measurement measurement(Scenario scenario, String broker, double rate, double cpuMicros) {
        return new Measurement(broker, scenario, 1000, 1000, 0, 0, rate, 1_500, 4_000, cpuMicros);
    }
}

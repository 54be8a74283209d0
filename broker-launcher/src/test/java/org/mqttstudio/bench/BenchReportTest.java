package org.mqttstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final Machine MACHINE = new Machine(2, "AMD EPYC", "0.50", "OpenJDK 17", "Linux");
    private static final BenchOptions OPTIONS = new BenchOptions(1000, 0, 32, 100, 1, Pinning.none());

    @Test
    void theTableHasOneRowPerScenarioAndBrokerAndTheRatiosOfTheRates() {
        List<Measurement> measurements = new ArrayList<>();
        for (Scenario scenario : Scenario.ALL) {
            measurements.add(measurement(scenario, BenchTarget.EMBEDDED, 10_000, 20));
            measurements.add(measurement(scenario, BenchTarget.EMBEDDED_TAPPED, 9_500, 25));
            measurements.add(measurement(scenario, BenchTarget.MOSQUITTO, scenario.qos() == 2 ? 12_500 : 8_000, 15));
        }
        BenchReport report = new BenchReport(Instant.parse("2026-11-25T15:00:00Z"), MACHINE, OPTIONS, measurements);

        assertThat(report.ratio(new Scenario(1, 10), BenchTarget.EMBEDDED_TAPPED, BenchTarget.EMBEDDED))
                .hasValueSatisfying(r -> assertThat(r).isCloseTo(0.95, within(1e-9)));
        String text = report.markdown();
        assertThat(text).startsWith("studio bench, 2026-11-25 15:00 UTC")
                .contains("2 cores, AMD EPYC", "load average 0.50")
                .contains("| QoS 2, 10 → 1 | embedded + tap | 9,500 | 1.50 | 4.00 | 25.0 | 1000 | 0 | 0 |")
                .contains("| QoS 1, 1 → 1 | 0.95 | 1.25 | 1.25 |", "| QoS 2, 1 → 1 | 0.95 | 0.80 | 1.25 |")
                .contains("tap / bare ≥ 0.9 met in 6 of 6 scenarios")
                .contains("embedded / mosquitto ≥ 1.0 at QoS 1 and 2 met in 2 of 4");
        assertThat(text.lines().filter(line -> line.startsWith("| QoS "))).hasSize(18 + 6);
    }

    @Test
    void aRatioIsTheMedianOfEachRoundsRatioNotTheRatioOfTwoMedians() {
        Scenario scenario = new Scenario(0, 1);
        double[] bare = {100, 300, 200};
        double[] tapped = {95, 150, 190}; // round 2: the machine was busy while the tapped broker ran
        List<Measurement> rounds = new ArrayList<>();
        for (int round = 0; round < bare.length; round++) {
            rounds.add(measurement(scenario, BenchTarget.EMBEDDED, bare[round], 20));
            rounds.add(measurement(scenario, BenchTarget.EMBEDDED_TAPPED, tapped[round], 25));
        }
        BenchReport report = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS, rounds);

        assertThat(report.ratio(scenario, BenchTarget.EMBEDDED_TAPPED, BenchTarget.EMBEDDED))
                .hasValueSatisfying(r -> assertThat(r).isCloseTo(0.95, within(1e-9)));
        assertThat(report.find(scenario, BenchTarget.EMBEDDED)).get()
                .extracting(Measurement::ratePerSecond, Measurement::sent).containsExactly(200.0, 3000L);
        assertThat(report.markdown()).contains("| QoS 0, 1 → 1 | embedded + tap | 150 |", "| QoS 0, 1 → 1 | 0.95 |");
    }

    @Test
    void aMissingBrokerLeavesItsRatiosOpen() {
        BenchReport report = new BenchReport(Instant.EPOCH, MACHINE, OPTIONS,
                List.of(measurement(new Scenario(0, 1), BenchTarget.EMBEDDED, 10_000, 20)));
        assertThat(report.markdown()).contains("| QoS 0, 1 → 1 | – | – | – |");
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new BenchOptions(1000, 0, 8, 100, 1, Pinning.none()))
                .hasMessage("--payload must be at least 16 bytes: 8");
        assertThatThrownBy(() -> new BenchOptions(5, 0, 32, 100, 1, Pinning.none()))
                .hasMessage("--messages must be at least 10: 5");
    }

    @Test
    void severalRoundsShowTheMedianRoundAndAllLossesAndDuplicates() {
        Scenario scenario = new Scenario(1, 1);
        Measurement median = Measurement.median(List.of(
                new Measurement(BenchTarget.MOSQUITTO, scenario, 100, 99, 1, 0, 3_000, 10, 20, 9),
                new Measurement(BenchTarget.MOSQUITTO, scenario, 100, 100, 0, 2, 1_000, 30, 40, 7),
                new Measurement(BenchTarget.MOSQUITTO, scenario, 100, 100, 0, 0, 2_000, 50, 60, 8)));
        assertThat(median)
                .isEqualTo(new Measurement(BenchTarget.MOSQUITTO, scenario, 300, 299, 1, 2, 2_000, 50, 60, 8));
    }

    private static Measurement measurement(Scenario scenario, BenchTarget target, double rate, double cpuMicros) {
        return new Measurement(target, scenario, 1000, 1000, 0, 0, rate, 1_500, 4_000, cpuMicros);
    }
}

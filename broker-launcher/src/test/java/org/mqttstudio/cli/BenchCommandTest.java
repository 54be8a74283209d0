package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code studio bench}'s options, and {@code --quick} as a smoke test of the whole bench (real brokers, real
 * mosquitto); the full bench takes long and is run by hand (docs/bench.md).
 */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StudioCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aTooSmallPayloadIsOneLineAndExitTwo() {
        assertThat(run("bench", "--payload", "8")).isEqualTo(StudioCli.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("studio: --payload must be at least 16 bytes: 8" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aQuickBenchRunsEveryRowToARateWithoutAnException() {
        assertThat(Path.of("/usr/sbin/mosquitto")).as("mosquitto is needed: apt-get install mosquitto")
                .isExecutable();

        assertThat(run("bench", "--quick")).as(err.toString()).isZero();

        List<String> rows = out.toString().lines().filter(line -> line.startsWith("| QoS ")).toList();
        // 13 scenarios on 4 brokers, 3 on 4 challenge paths, their 13 + 3 ratio lines
        assertThat(rows).hasSize(13 * 4 + 3 * 4 + 13 + 3);
        assertThat(rows.stream().filter(line -> line.split("\\|").length == 10)).hasSize(13 * 4 + 3 * 4)
                .allSatisfy(line -> assertThat(line.split("\\|")[3].strip()).matches("[1-9][0-9,]*( ✗)?"));
        assertThat(out.toString()).contains("| challenge | embedded |", "| challenge | mosquitto |",
                "| 1 broker | embedded |", "| 1 broker | mosquitto |");
        assertThat(err.toString()).doesNotContain("Exception", "at org.");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("help", "bench")).isZero();
        assertThat(out.toString()).contains("--messages=N", "--warmup=N", "--payload=BYTES", "--quick");
    }
}

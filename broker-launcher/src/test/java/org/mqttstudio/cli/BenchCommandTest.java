package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code studio bench}'s options; the bench itself takes minutes and is run by hand (docs/bench.md). */
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
    void helpListsTheOptions() {
        assertThat(run("help", "bench")).isZero();
        assertThat(out.toString()).contains("--messages=N", "--warmup=N", "--payload=BYTES", "--quick");
    }
}

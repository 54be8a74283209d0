package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Samples;

/** The CLI as a separate JVM, as ./studio runs it: output is flushed, exit codes reach the shell. */
class StudioCliProcessTest {

    private record Result(int code, String out, String err) {
    }

    private static Result studio(String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                StudioCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void routesPrintsToStdout() throws Exception {
        Result r = studio("routes", Samples.file("challenge").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Publisher2 -> TemperatureSubscriber", "bridge3_central");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Result r = studio("validate", "/nonexistent.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("studio: /nonexistent.json: cannot read: no such file\n");
        assertThat(r.out()).isEmpty();
    }
}

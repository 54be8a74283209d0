package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.runtime.FreePorts;

/** {@code studio run} in process, on the challenge with its ports moved to free ones. */
class RunCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StudioCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void runsTheChallengeForThreeSecondsAndWritesTraceAndPcap(@TempDir Path dir) throws Exception {
        // the challenge's ports are 1883..1886
        int offset = FreePorts.consecutive(4) - 1883;
        Path trace = dir.resolve("x.jsonl");
        Path pcap = dir.resolve("x.pcap");

        int code = run("run", Samples.file("challenge").toString(), "--port-offset", String.valueOf(offset),
                "--duration", "3", "--trace", trace.toString(), "--pcap", pcap.toString(), "--quiet");

        assertThat(code).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("Central") && l.contains("RUNNING")
                && l.contains("listening on " + (1884 + offset)));
        assertThat(lines).anyMatch(l -> l.matches("\\s+HumiditySubscriber: [1-9]\\d* received \\(srv/humidity: .*"));
        assertThat(lines)
                .anyMatch(l -> l.matches("\\s+TemperatureSubscriber: [1-9]\\d* received \\(srv/temperature: .*"));
        assertThat(lines).noneMatch(l -> l.contains(" PUBLISH ")); // --quiet
        assertThat(Files.readAllLines(trace)).anyMatch(l -> l.contains("\"type\":\"PUBCOMP\""));
        assertThat(Files.size(pcap)).isGreaterThan(24); // more than the pcap header
        assertThat(lines).anyMatch(l -> l.startsWith("wrote ") && l.contains(pcap.toString())
                && l.contains("-d tcp.port==" + (1884 + offset) + ",mqtt"));
    }

    @Test
    void anUnknownRuntimeIsOneLineWithExitTwo() {
        assertThat(run("run", Samples.file("challenge").toString(), "--runtime", "moquette")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("studio: --runtime must be embedded or mosquitto, not 'moquette'");
    }
}

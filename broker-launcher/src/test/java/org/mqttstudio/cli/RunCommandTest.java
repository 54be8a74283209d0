package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.routing.TopologyBuilder;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;

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

    /**
     * Issue 16's topology on the mosquitto runtime (one copy per filter for the MQTT 5 subscriber): the text summary
     * and the --json document give the same PUBLISH packet counts, duplicates and nothing missing.
     */
    @Test
    void theSummaryAndItsJsonCountPublishPackets(@TempDir Path dir) throws Exception {
        Topology topology = TopologyBuilder.overlappingFilters(3);
        Path file = dir.resolve("overlap.json");
        new TopologyJson().write(topology, file);
        String offset = String.valueOf(FreePorts.consecutive(2) - 1883);

        assertThat(run("run", file.toString(), "--runtime", "mosquitto", "--port-offset", offset, "--duration", "3",
                "--quiet")).as(out + "\n" + err).isZero();
        assertThat(out.toString().lines().map(String::strip)).contains(
                "P1: 3 published",
                "S0: 6 received (a/b: 6), 0 duplicates; subscription identifiers 1: 3, 2: 3",
                "S3: 3 received (a/b: 3), 0 duplicates",
                "not delivered: nothing");

        out.getBuffer().setLength(0);
        assertThat(run("run", file.toString(), "--runtime", "mosquitto", "--port-offset", offset, "--duration", "3",
                "--json")).as(out + "\n" + err).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("runtime").asText()).isEqualTo("mosquitto");
        assertThat(json.get("publishers").get(0).get("published").asLong()).isEqualTo(3);
        JsonNode s0 = json.get("subscribers").get(0);
        assertThat(s0.get("name").asText()).isEqualTo("S0");
        assertThat(s0.get("received").asLong()).isEqualTo(6);
        assertThat(s0.get("receivedByTopic").get("a/b").asLong()).isEqualTo(6);
        assertThat(s0.get("duplicates").asLong()).isZero();
        assertThat(s0.get("bySubscriptionIdentifiers")).hasSize(2);
        assertThat(json.get("subscribers").get(1).get("received").asLong()).isEqualTo(3);
        assertThat(json.get("undelivered")).isEmpty();
        assertThat(err.toString()).contains("RUNNING");
    }

    @Test
    void anUnknownRuntimeIsOneLineWithExitTwo() {
        assertThat(run("run", Samples.file("challenge").toString(), "--runtime", "moquette")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("studio: --runtime must be embedded or mosquitto, not 'moquette'");
    }
}

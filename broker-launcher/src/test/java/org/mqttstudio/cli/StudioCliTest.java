package org.mqttstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.routing.TopologyBuilder;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.TopologyJson;

/** The CLI end to end, in process: exit codes, what it prints, one-line errors. */
class StudioCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StudioCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void everySubcommandPrintsItsUsageForHelpAndExitsZero(String help) {
        List<String> names = StudioCli.commandLine(new PrintWriter(out), new PrintWriter(err)).getSubcommands()
                .keySet().stream().filter(name -> !name.equals("help")).toList();
        assertThat(names).contains("validate", "routes", "export", "import", "run", "bench");
        for (String name : names) {
            out.getBuffer().setLength(0);

            assertThat(run(name, help)).as(name + " " + help + ": " + err).isZero();
            assertThat(out.toString()).as(name).startsWith("Usage: studio " + name).contains(help.equals("-h") ? "-h" : "--help");
            assertThat(err.toString()).as(name).isEmpty();
        }
        assertThat(run(help)).isZero();
        assertThat(out.toString()).contains("Usage: studio [");
    }

    @Test
    void validateOfAGoodSampleExitsZero() {
        assertThat(run("validate", Samples.file("challenge").toString())).isZero();
        assertThat(out.toString()).contains("0 errors");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateOfATopologyWithALoopExitsTwoAndNamesTheBridges(@TempDir Path dir) throws Exception {
        String looped = Files.readString(Samples.file("case2")).replace("\"direction\": \"out\"", "\"direction\": \"both\"")
                .replace("\"bridges\": [", """
                        "bridges": [
                            {"id": "back", "name": "back", "from": "central", "to": "bridge-broker",
                             "rules": [{"pattern": "#", "direction": "both", "qos": 1}], "tryPrivate": false},""");
        Path file = dir.resolve("loop.json");
        Files.writeString(file, looped);

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(out.toString()).containsIgnoringCase("loop").contains("back");
    }

    @Test
    void badFileIsOneLineOnStderrWithExitTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"version\": 1, \"brokers\": [{\"id\": \"a\", \"listeners\": [{\"port\": 99999}]}]}");

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("studio: " + file + ":1:")
                .contains("'port' must be between 1 and 65535").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void missingFileIsOneLine() {
        assertThat(run("routes", "/nonexistent/x.json")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("studio: /nonexistent/x.json: cannot read: no such file");
    }

    @Test
    void debugPrintsTheStackTrace() {
        assertThat(run("routes", "/nonexistent/x.json", "--debug")).isEqualTo(2);
        assertThat(err.toString()).contains("at org.mqttstudio");
    }

    @Test
    void routesPrintsTheChallengePaths() {
        assertThat(run("routes", Samples.file("challenge").toString())).isZero();
        assertThat(out.toString()).contains("Publisher2", "TemperatureSubscriber", "bridge2_bridge3", "bridge3_central");
    }

    @Test
    void routesAsJsonIsParseable() throws Exception {
        assertThat(run("routes", Samples.file("challenge").toString(), "--json")).isZero();
        JsonNode table = JsonMapper.builder().build().readTree(out.toString());
        assertThat(table.get("routes")).hasSize(2);
        assertThat(table.get("overlaps")).isEmpty();
    }

    @Test
    void routesAsJsonSayHowManyCopiesEachRuntimeSendsForOverlappingFilters(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("overlap.json");
        new TopologyJson().write(TopologyBuilder.overlappingFilters(6), file);

        assertThat(run("routes", file.toString(), "--json")).isZero();
        JsonNode overlaps = JsonMapper.builder().build().readTree(out.toString()).get("overlaps");
        assertThat(overlaps).hasSize(2);
        assertThat(overlaps.get(0).get("subscriberId").asText()).isEqualTo("S0");
        assertThat(overlaps.get(0).get("copies").get("embedded").asInt()).isEqualTo(1);
        assertThat(overlaps.get(0).get("copies").get("mosquitto").asInt()).isEqualTo(2);
        assertThat(overlaps.get(1).get("subscriberId").asText()).isEqualTo("S3");
        assertThat(overlaps.get(1).get("copies").get("mosquitto").asInt()).isEqualTo(1);
    }

    @Test
    void exportThenImportGivesTheSameBrokersAndBridges(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle");
        assertThat(run("export", Samples.file("challenge").toString(), "--out", bundle.toString(),
                "--port-offset", "100")).isZero();
        assertThat(bundle.resolve("central/mosquitto.conf")).content().contains("listener 1984");
        assertThat(bundle.resolve("start-all.sh")).isExecutable();

        Path imported = dir.resolve("imported.json");
        assertThat(run("import", bundle.resolve("bridge-broker-1/mosquitto.conf").toString(),
                bundle.resolve("bridge-broker-2/mosquitto.conf").toString(),
                bundle.resolve("bridge-broker-3/mosquitto.conf").toString(),
                bundle.resolve("central/mosquitto.conf").toString(), "--out", imported.toString())).isZero();
        var topology = new TopologyJson().read(imported);
        assertThat(topology.brokers()).hasSize(4);
        assertThat(topology.bridges()).extracting(b -> b.to()).containsOnly("central", "bridge-broker-3");
        assertThat(out.toString()).contains("4 brokers", "3 bridges");
    }

    @Test
    void portOffsetOutOfRangeIsRefused(@TempDir Path dir) {
        assertThat(run("export", Samples.file("challenge").toString(), "--out", dir.toString(), "--port-offset",
                "65000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port-offset 65000");
    }

    @Test
    void importOfABadConfNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener 1883\nallow_anonymus true\n");

        assertThat(run("import", conf.toString(), "--out", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("studio: " + conf + ":2:");
    }

    @Test
    void unknownSubcommandGivesUsageAndExitTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument");
    }
}

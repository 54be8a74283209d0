package org.mqttstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payload views, the diff, value extraction for charts and the exports. */
class PayloadToolsTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prettyJsonHexAndBase64OfTheSameMessage() {
        byte[] payload = bytes("{\"t\":21.5,\"unit\":\"C\"}");
        assertThat(PayloadViews.prettyJson(payload)).contains("{\n  \"t\" : 21.5,\n  \"unit\" : \"C\"\n}");
        assertThat(PayloadViews.prettyJson(bytes("temperature: 24"))).isEmpty();
        assertThat(PayloadViews.hexDump(bytes("AB\n"))).isEqualTo("00000000  41 42 0a" + " ".repeat(42) + "AB.\n");
        assertThat(PayloadViews.base64(bytes("hi"))).isEqualTo("aGk=");
        assertThat(PayloadViews.parseHex("41 42\n0a")).isEqualTo(bytes("AB\n"));
        assertThatThrownBy(() -> PayloadViews.parseHex("4")).hasMessageContaining("odd number");
        assertThatThrownBy(() -> PayloadViews.parseHex("zz")).hasMessageContaining("'zz' at digit 1");
        assertThat(PayloadViews.jsonProblem("{\"a\": }")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("not JSON at line 1, column 7"));
        assertThat(PayloadViews.jsonProblem("[1, 2]")).isEmpty();
    }

    @Test
    void diffOfTwoJsonMessagesShowsTheChangedField() {
        List<LineDiff.Line> diff = LineDiff.ofPayloads(bytes("{\"t\":21,\"unit\":\"C\"}"),
                bytes("{\"t\":22,\"unit\":\"C\"}"));
        assertThat(diff).containsExactly(new LineDiff.Line(LineDiff.Kind.SAME, "{"),
                new LineDiff.Line(LineDiff.Kind.REMOVED, "  \"t\" : 21,"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "  \"t\" : 22,"),
                new LineDiff.Line(LineDiff.Kind.SAME, "  \"unit\" : \"C\""),
                new LineDiff.Line(LineDiff.Kind.SAME, "}"));
    }

    @Test
    void valuesForChartsFromTextAndJsonPaths() {
        ValueExtractor first = ValueExtractor.parse("");
        assertThat(first.extract(bytes("24")).getAsDouble()).isEqualTo(24);
        assertThat(first.extract(bytes("temperature: 24")).getAsDouble()).isEqualTo(24);
        assertThat(first.extract(bytes("Humidity: 10%")).getAsDouble()).isEqualTo(10);
        assertThat(first.extract(bytes("-3.5e1 degrees")).getAsDouble()).isEqualTo(-35);
        assertThat(first.extract(bytes("none")).isPresent()).isFalse();
        ValueExtractor path = ValueExtractor.parse("$.sensor.temp");
        assertThat(path.extract(bytes("{\"sensor\":{\"temp\":21.5}}")).getAsDouble()).isEqualTo(21.5);
        assertThat(path.extract(bytes("{\"sensor\":{}}")).isPresent()).isFalse();
        assertThat(ValueExtractor.parse("$.r[1].v").extract(bytes("{\"r\":[{\"v\":1},{\"v\":\"7 C\"}]}"))
                .getAsDouble()).isEqualTo(7);
        assertThatThrownBy(() -> ValueExtractor.parse("sensor.temp")).hasMessageContaining("must start with $");
        assertThatThrownBy(() -> ValueExtractor.parse("$.a..b")).hasMessageContaining("column 4");
    }

    @Test
    void exportsJsonLinesAndCsv() throws Exception {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        List<ExplorerMessage> messages = List.of(
                new ExplorerMessage(t, "a/b", bytes("x,\"y\""), 1, true, new Mqtt5Details(
                        List.of(new UserProperty("k", "v")), Optional.of("text/plain"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())),
                new ExplorerMessage(t, "bin", new byte[] {(byte) 0xff, 0}, 0, false, Mqtt5Details.NONE));
        Path jsonl = dir.resolve("h.jsonl");
        HistoryExport.jsonLines(jsonl, messages);
        assertThat(Files.readAllLines(jsonl)).containsExactly(
                "{\"t\":\"2026-12-04T10:00:00Z\",\"topic\":\"a/b\",\"qos\":1,\"retain\":true,\"payload\":\"x,\\\"y\\\"\","
                        + "\"userProperties\":[{\"name\":\"k\",\"value\":\"v\"}],\"contentType\":\"text/plain\"}",
                "{\"t\":\"2026-12-04T10:00:00Z\",\"topic\":\"bin\",\"qos\":0,\"retain\":false,\"payload\":\"/wA=\","
                        + "\"payloadEncoding\":\"base64\"}");
        Path csv = dir.resolve("h.csv");
        HistoryExport.csv(csv, messages);
        assertThat(Files.readString(csv)).isEqualTo("time,topic,qos,retain,payload\r\n"
                + "2026-12-04T10:00:00Z,a/b,1,true,\"x,\"\"y\"\"\"\r\n"
                + "2026-12-04T10:00:00Z,bin,0,false,base64:/wA=\r\n");
    }
}

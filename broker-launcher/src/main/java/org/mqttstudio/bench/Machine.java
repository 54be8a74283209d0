package org.mqttstudio.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the bench ran on, for the report.
 *
 * @param loadAverage the 1-minute load average when the bench began (other work on the machine skews the rates)
 */
public record Machine(int cores, String cpuModel, String loadAverage, String java, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static String readLoadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String readCpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.replaceFirst("^[^:]*:\\s*", ""))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

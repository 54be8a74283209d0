package org.mqttstudio.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/**
 * The exported bundles of the course samples must match the golden files byte for byte. After an
 * intended change of the export, regenerate them and review the diff:
 * {@code mvn -pl broker-launcher test -Dtest=BundleWriterTest -Dgolden.update=true}.
 */
class BundleWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static List<String> samples() {
        return Samples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void exportMatchesGoldenFiles(String sample, @TempDir Path out) throws IOException {
        List<Path> written = new BundleWriter().write(Samples.load(sample), out, 0);
        Path golden = GOLDEN.resolve(sample);
        if (Boolean.getBoolean("golden.update")) {
            deleteRecursively(golden);
            for (Path file : written) {
                Files.createDirectories(golden.resolve(file).getParent());
                Files.copy(out.resolve(file), golden.resolve(file));
            }
        }
        assertThat(written).isEqualTo(relativeFiles(golden));
        for (Path file : written) {
            assertThat(Files.readString(out.resolve(file))).as(sample + "/" + file)
                    .isEqualTo(Files.readString(golden.resolve(file)));
        }
    }

    @Test
    void writesOneFolderPerBrokerAndExecutableScripts(@TempDir Path out) throws IOException {
        List<Path> written = new BundleWriter().write(Samples.load("challenge"), out, 0);

        assertThat(written).map(Path::toString).containsExactly("README.md", "bridge-broker-1/mosquitto.conf",
                "bridge-broker-2/mosquitto.conf", "bridge-broker-3/mosquitto.conf", "central/mosquitto.conf",
                "start-all.sh", "stop-all.sh");
        assertThat(Files.getPosixFilePermissions(out.resolve("start-all.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(out.resolve("stop-all.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(out.resolve("README.md"))).contains("apt-get install mosquitto");
    }

    @Test
    void sameTopologyGivesSameBytes(@TempDir Path a, @TempDir Path b) throws IOException {
        Topology t = RichTopology.create();
        List<Path> first = new BundleWriter().write(t, a, 0);
        List<Path> second = new BundleWriter().write(t, b, 0);
        assertThat(second).isEqualTo(first);
        for (Path file : first) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    @Test
    void writesPasswordAndAclFilesOnlyForBrokersThatUseThem(@TempDir Path out) throws IOException {
        List<Path> written = new BundleWriter().write(RichTopology.create(), out, 0);

        assertThat(written).map(Path::toString).contains("edge/passwd", "edge/acl").doesNotContain("hub/passwd",
                "hub/acl");
        assertThat(Files.readString(out.resolve("edge/passwd")))
                .isEqualTo("alice:" + RichTopology.ALICE_HASH + "\nbridge:" + RichTopology.ALICE_HASH + "\n");
        // Anonymous topic lines first (mosquitto applies them only before any user line), then users, then patterns.
        assertThat(Files.readString(out.resolve("edge/acl"))).isEqualTo("""
                topic read public/#

                user alice
                topic readwrite srv/#
                topic deny srv/secret

                user bridge
                topic read #

                pattern write clients/%c/#
                """);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void portOffsetChangesExactlyThePorts(String sample, @TempDir Path plain, @TempDir Path shifted)
            throws IOException {
        Topology t = Samples.load(sample);
        List<Path> files = new BundleWriter().write(t, plain, 0);
        assertThat(new BundleWriter().write(t, shifted, 10000)).isEqualTo(files);
        int changedLines = 0;
        for (Path file : files) {
            List<String> before = Files.readAllLines(plain.resolve(file), StandardCharsets.UTF_8);
            List<String> after = Files.readAllLines(shifted.resolve(file), StandardCharsets.UTF_8);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    changedLines++;
                    assertThat(after.get(i)).as(file + ":" + (i + 1)).isEqualTo(shiftPorts(before.get(i), 10000));
                }
            }
        }
        long listenersAndAddresses = t.brokers().stream().mapToLong(b -> b.listeners().size()).sum()
                + t.bridges().size();
        // Each listener and bridge address appears once in a conf and the listeners once more in the README,
        // whose offset sentence is the only other change.
        assertThat(changedLines).isEqualTo(listenersAndAddresses + t.brokers().size() + 1);
    }

    private static String shiftPorts(String line, int offset) {
        if (line.startsWith("mosquitto configuration exported")) {
            return line.replace(".", " with every port shifted by " + offset + ".");
        }
        Matcher m = Pattern.compile("\\b(188[0-9])\\b").matcher(line);
        return m.replaceAll(r -> String.valueOf(Integer.parseInt(r.group(1)) + offset));
    }

    @Test
    void externalBrokerAddressesAreNotShifted(@TempDir Path out) throws IOException {
        new BundleWriter().write(RichTopology.create(), out, 10000);
        String edge = Files.readString(out.resolve("edge/mosquitto.conf"));
        assertThat(edge).contains("listener 11883\n", "listener 19001\n", "address localhost:11884\n",
                "address 192.0.2.10:8883\n");
    }

    @Test
    void refusesAnOffsetThatPushesAPortOutOfRange(@TempDir Path out) {
        assertThatThrownBy(() -> new BundleWriter().write(Samples.load("case1"), out, 64000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 1883 with offset 64000");
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted((x, y) -> y.compareTo(x)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

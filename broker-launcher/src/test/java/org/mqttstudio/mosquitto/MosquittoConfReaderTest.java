package org.mqttstudio.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

class MosquittoConfReaderTest {
    private static final Path COURSE_CASE2 = Path.of("src/test/resources/mosquitto/course-case2");

    static List<String> samples() {
        return Samples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void exportImportExportGivesTheSameBytes(String sample, @TempDir Path first, @TempDir Path second)
            throws Exception {
        List<Path> files = new BundleWriter().write(Samples.load(sample), first, 0);
        Topology imported = new MosquittoConfReader().read(confFiles(first, files));

        assertThat(imported.name()).isEqualTo(Samples.load(sample).name()).isNotBlank();
        assertSameBundle(first, new BundleWriter().write(imported, second, 0), second);
    }

    /** Both folders hold exactly the same files, byte for byte: README.md and the scripts too. */
    private static void assertSameBundle(Path first, List<Path> secondFiles, Path second) throws IOException {
        try (Stream<Path> inFirst = Files.walk(first)) {
            assertThat(secondFiles).containsExactlyInAnyOrderElementsOf(
                    inFirst.filter(Files::isRegularFile).map(first::relativize).toList());
        }
        assertThat(secondFiles).contains(Path.of(BundleWriter.README));
        for (Path file : secondFiles) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void aTopologyWithoutANameComesBackWithoutOne(@TempDir Path first, @TempDir Path second) throws Exception {
        Topology unnamed = Topology.of("", List.of(Broker.simple("a", "A", 1883, true, null)), List.of(), List.of(),
                List.of(), List.of());
        List<Path> files = new BundleWriter().write(unnamed, first, 0);
        assertThat(Files.readString(first.resolve("a/mosquitto.conf"))).doesNotContain("Part of topology");
        Topology imported = new MosquittoConfReader().read(confFiles(first, files));

        assertThat(imported.name()).isEmpty();
        assertSameBundle(first, new BundleWriter().write(imported, second, 0), second);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void importOfAnExportGivesBackTheSamplesBrokersAndBridges(String sample, @TempDir Path out) throws Exception {
        Topology original = Samples.load(sample);
        List<Path> files = new BundleWriter().write(original, out, 0);
        Topology imported = new MosquittoConfReader().read(confFiles(out, files));

        // A conf file holds neither canvas positions nor simulated clients: compare the rest.
        assertThat(withoutPositions(imported.brokers())).isEqualTo(withoutPositions(original.brokers()));
        assertThat(imported.bridges()).isEqualTo(original.bridges());
        assertThat(imported.externalBrokers()).isEmpty();
    }

    @Test
    void richTopologyRoundTrips(@TempDir Path first, @TempDir Path second) throws Exception {
        Topology original = RichTopology.create();
        List<Path> files = new BundleWriter().write(original, first, 0);
        Topology imported = new MosquittoConfReader().read(confFiles(first, files));

        // The ACL file groups rules as mosquitto reads them (anonymous, per user, patterns): same rules, that order.
        assertThat(imported.brokers().get(0).acl()).containsExactlyInAnyOrderElementsOf(original.brokers().get(0).acl())
                .startsWith(new AclRule(null, false, AclAccess.READ, "public/#"));
        assertThat(withoutPositionsAndAcl(imported.brokers())).isEqualTo(withoutPositionsAndAcl(original.brokers()));
        assertThat(imported.bridges()).isEqualTo(original.bridges());
        // The exporter's comment before the connection block names the external broker, so it comes back too.
        assertThat(imported.externalBrokers()).map(e -> e.withPosition(Position.ORIGIN))
                .containsExactlyElementsOf(original.externalBrokers().stream()
                        .map(e -> e.withPosition(Position.ORIGIN)).toList());

        assertThat(imported.name()).isEqualTo(original.name());
        assertSameBundle(first, new BundleWriter().write(imported, second, 0), second);
    }

    @Test
    void aBrokerOnAnotherHostIsFoundAgainThroughTheHeaderLine(@TempDir Path out) throws Exception {
        Broker edge = Broker.simple("edge", "Edge", 1883, true, null);
        Broker remote = new Broker("remote", "Remote", "10.1.2.3", List.of(Listener.mqtt(1883)), true, null, null,
                null, null, null, null, null);
        Topology original = Topology.of("", List.of(edge, remote), List.of(),
                List.of(Bridge.simple("up", "up", "edge", "remote", List.of(BridgeRule.out("#", 1)))), List.of(),
                List.of());
        List<Path> files = new BundleWriter().write(original, out, 0);
        assertThat(Files.readString(out.resolve("edge/mosquitto.conf"))).contains("address 10.1.2.3:1883\n");

        Topology imported = new MosquittoConfReader().read(confFiles(out, files));

        assertThat(withoutPositions(imported.brokers())).isEqualTo(withoutPositions(original.brokers()));
        assertThat(imported.bridges()).isEqualTo(original.bridges());
    }

    @Test
    void readsTheCoursesHandWrittenFiles() throws Exception {
        Topology t = new MosquittoConfReader().read(List.of(COURSE_CASE2.resolve("bridge-broker/mosquitto.conf"),
                COURSE_CASE2.resolve("central/mosquitto.conf")));

        Broker bridgeBroker = t.broker("bridge-broker").orElseThrow();
        assertThat(bridgeBroker.listeners()).containsExactly(Listener.mqtt(1883));
        assertThat(bridgeBroker.allowAnonymous()).isTrue();
        assertThat(bridgeBroker.persistence()).isEqualTo(new Persistence(true, "/var/lib/mosquitto/", null));
        assertThat(bridgeBroker.logging()).isEqualTo(new Logging(List.of("file /var/log/mosquitto/mosquitto.log"),
                List.of("error", "warning"), true));
        assertThat(bridgeBroker.extraOptions()).containsExactly("pid_file /run/mosquitto/mosquitto.pid");
        Broker central = t.broker("central").orElseThrow();
        assertThat(central.listeners()).containsExactly(Listener.mqtt(1884));

        assertThat(t.bridges()).containsExactly(Bridge.simple("bridge_central", "bridge_central", "bridge-broker",
                "central", List.of(BridgeRule.out("srv/#", 0))));
        assertThat(t.externalBrokers()).isEmpty();
        // Laid out left to right: the bridge's source left of its target.
        assertThat(bridgeBroker.position().x()).isLessThan(central.position().x());
    }

    @Test
    void laysOutBrokersLeftToRightByBridgeDepth(@TempDir Path out) throws Exception {
        List<Path> files = new BundleWriter().write(Samples.load("challenge"), out, 0);
        Topology t = new MosquittoConfReader().read(confFiles(out, files));

        assertThat(t.brokers()).extracting(Broker::id, Broker::position).containsExactly(
                tuple("bridge-broker-1", new Position(100, 100)), tuple("bridge-broker-2", new Position(100, 280)),
                tuple("bridge-broker-3", new Position(380, 100)), tuple("central", new Position(660, 100)));
    }

    @Test
    void bridgesOfABundleExportedWithAnOffsetStillFindTheirBrokers(@TempDir Path out) throws Exception {
        List<Path> files = new BundleWriter().write(Samples.load("challenge"), out, 20000);
        Topology t = new MosquittoConfReader().read(confFiles(out, files));

        assertThat(t.externalBrokers()).isEmpty();
        assertThat(t.bridges()).extracting(Bridge::to).containsExactly("central", "bridge-broker-3", "central");
    }

    @Test
    void aBridgeToAnAddressNoImportedBrokerListensOnGetsAnExternalBroker(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a/mosquitto.conf"), """
                listener 1883
                connection to_cloud
                address broker.example.com
                topic # out 1
                connection to_cloud_again
                address broker.example.com:1883
                topic b/# in 2 "" site/
                """);
        Topology t = new MosquittoConfReader().read(List.of(a));

        assertThat(t.externalBrokers()).singleElement().satisfies(e -> {
            assertThat(e.host()).isEqualTo("broker.example.com");
            assertThat(e.port()).isEqualTo(1883);
        });
        String cloud = t.externalBrokers().get(0).id();
        assertThat(t.bridges()).extracting(Bridge::to).containsExactly(cloud, cloud);
        assertThat(t.bridge("to_cloud_again").orElseThrow().rules())
                .containsExactly(new BridgeRule("b/#", Direction.IN, 2, null, "site/"));
        assertThat(t.broker("a").orElseThrow().allowAnonymous()).as("mosquitto 2's default with a listener").isFalse();
        assertThat(t.externalBrokers().get(0).position().x()).isGreaterThan(t.brokers().get(0).position().x());
    }

    @Test
    void idsComeFromFileNamesMadeSafeAndUnique(@TempDir Path dir) throws Exception {
        Path one = write(dir.resolve("x/my broker.conf"), "listener 1883\n");
        Path two = write(dir.resolve("y/my broker.conf"), "listener 1884\n");
        Path three = write(dir.resolve("_central/mosquitto.conf"), "listener 1885\n");

        Topology t = new MosquittoConfReader().read(List.of(one, two, three));

        assertThat(t.brokers()).extracting(Broker::id).containsExactly("my-broker", "my-broker-2", "central");
    }

    @Test
    void readsPasswordAndAclFilesRelativeToTheConf(@TempDir Path dir) throws Exception {
        write(dir.resolve("b/secrets/passwd"), "alice:" + RichTopology.ALICE_HASH + "\n\n");
        write(dir.resolve("b/acl"), """
                # anonymous
                topic read public/#
                user alice
                topic srv/#
                pattern write clients/%c/#
                """);
        Path conf = write(dir.resolve("b/mosquitto.conf"), """
                listener 1883
                password_file secrets/passwd
                acl_file %s
                """.formatted(dir.resolve("b/acl").toAbsolutePath()));

        Broker b = new MosquittoConfReader().read(List.of(conf)).brokers().get(0);

        assertThat(b.users()).containsExactly(new User("alice", RichTopology.ALICE_HASH));
        assertThat(b.acl()).containsExactly(new AclRule(null, false, AclAccess.READ, "public/#"),
                new AclRule("alice", false, AclAccess.READWRITE, "srv/#"),
                new AclRule(null, true, AclAccess.WRITE, "clients/%c/#"));
    }

    @Test
    void keysTheStudioDoesNotModelAreKeptInTheirBlock(@TempDir Path dir) throws Exception {
        Path conf = write(dir.resolve("b/mosquitto.conf"), """
                listener 1883
                max_keepalive 100
                connection out1
                address 10.0.0.1:1883
                bridge_attempt_unsubscribe false
                sys_interval 10
                """);
        Topology t = new MosquittoConfReader().read(List.of(conf));

        // sys_interval is global in mosquitto even inside a connection block.
        assertThat(t.brokers().get(0).extraOptions()).containsExactly("max_keepalive 100", "sys_interval 10");
        assertThat(t.bridges().get(0).extraOptions()).containsExactly("bridge_attempt_unsubscribe false");
    }

    // ---- errors: each names FILE:LINE and what is wrong ----

    @Test
    void unknownKey(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\n\n# comment\nlistner 1884\n");
        assertError(conf, conf + ":4: Unknown configuration variable \"listner\"");
    }

    @Test
    void unknownKeyInAnIncludedFile(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "include_dir conf.d\n");
        Path included = write(dir.resolve("b/conf.d/z.conf"), "allow_anonymous true\nfoo bar\n");
        assertError(conf, included.toAbsolutePath() + ":2: Unknown configuration variable \"foo\"");
    }

    @Test
    void badBooleanValue(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\nallow_anonymous yes\n");
        assertError(conf, conf + ":2: Invalid value for allow_anonymous (\"yes\"): expected true or false");
    }

    @Test
    void badPort(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 70000\n");
        assertError(conf, conf + ":1: Invalid value for listener (\"70000\"): expected a whole number from 1 to 65535");
    }

    @Test
    void badTopicLine(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"),
                "listener 1883\nconnection c\naddress 127.0.0.1:1884\ntopic srv/# sideways 1\n");
        assertError(conf, conf + ":4: Invalid value for topic (\"sideways\"): expected one of [out, in, both]");
    }

    @Test
    void badQosOnATopicLine(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "connection c\naddress h\ntopic srv/# out 3\n");
        assertError(conf, conf + ":3: Invalid value for topic (\"3\"): expected a whole number from 0 to 2");
    }

    @Test
    void bridgeOptionOutsideAConnection(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\ntopic srv/# out\n");
        assertError(conf, conf + ":2: 'topic' is a bridge option: it must follow a 'connection' line");
    }

    @Test
    void bridgeWithoutAddress(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\nconnection c\ntopic # out\n");
        assertError(conf, conf + ":2: bridge 'c' has no address");
    }

    @Test
    void severalAddresses(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "connection c\naddress h1:1883 h2:1883\n");
        assertError(conf, conf + ":2: several bridge addresses (h1:1883 h2:1883) are not supported: the Studio models"
                + " one target per bridge");
    }

    @Test
    void missingConfFile(@TempDir Path dir) {
        Path conf = dir.resolve("nope/mosquitto.conf");
        assertError(conf, conf + ": file not found");
    }

    @Test
    void missingPasswordFile(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\npassword_file passwd\n");
        assertError(conf, conf + ":2: cannot read password file " + dir.resolve("b/passwd").toAbsolutePath()
                + ": no such file");
    }

    @Test
    void badIncludeDir(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "listener 1883\ninclude_dir missing.d\n");
        assertError(conf, conf + ":2: include_dir " + dir.resolve("b/missing.d").toAbsolutePath()
                + " is not a folder");
    }

    @Test
    void includeDirThatIncludesItself(@TempDir Path dir) throws IOException {
        Path conf = write(dir.resolve("b/mosquitto.conf"), "include_dir conf.d\n");
        Path loop = write(dir.resolve("b/conf.d/loop.conf"), "listener 1883\ninclude_dir .\n");
        assertError(conf, loop.toAbsolutePath() + ":2: include_dir " + dir.resolve("b/conf.d/.").toAbsolutePath()
                + " includes itself (directly or through another include_dir)");
    }

    @Test
    void badPasswdLine(@TempDir Path dir) throws IOException {
        Path passwd = write(dir.resolve("b/passwd"), "alice:" + RichTopology.ALICE_HASH + "\nbob\n");
        Path conf = write(dir.resolve("b/mosquitto.conf"), "password_file passwd\n");
        assertError(conf, passwd.toAbsolutePath() + ":2: expected 'user:hash' (made by mosquitto_passwd), not \"bob\"");
    }

    @Test
    void plainPasswordInPasswdFile(@TempDir Path dir) throws IOException {
        Path passwd = write(dir.resolve("b/passwd"), "alice:secret\n");
        Path conf = write(dir.resolve("b/mosquitto.conf"), "password_file passwd\n");
        assertError(conf, passwd.toAbsolutePath() + ":1: passwordHash of user 'alice' must be a mosquitto hash"
                + " starting with $7$ or $6$ (store hashes, not passwords)");
    }

    @Test
    void badAclLine(@TempDir Path dir) throws IOException {
        Path acl = write(dir.resolve("b/acl"), "user alice\ntopik read a/#\n");
        Path conf = write(dir.resolve("b/mosquitto.conf"), "acl_file acl\n");
        assertError(conf, acl.toAbsolutePath() + ":2: expected 'user', 'topic' or 'pattern', not \"topik\"");
    }

    private static void assertError(Path conf, String message) {
        assertThatThrownBy(() -> new MosquittoConfReader().read(List.of(conf)))
                .isInstanceOf(MosquittoConfException.class).hasMessage(message);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<Path> confFiles(Path dir, List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().equals("mosquitto.conf")).map(dir::resolve)
                .toList();
    }

    private static List<Broker> withoutPositions(List<Broker> brokers) {
        return brokers.stream().map(b -> b.withPosition(Position.ORIGIN)).toList();
    }

    private static List<Broker> withoutPositionsAndAcl(List<Broker> brokers) {
        return withoutPositions(brokers).stream().map(b -> new Broker(b.id(), b.name(), b.host(), b.listeners(),
                b.allowAnonymous(), b.users(), List.of(), b.persistence(), b.logging(), b.limits(), b.extraOptions(),
                b.position())).toList();
    }
}

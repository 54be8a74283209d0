package org.mqttstudio.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/**
 * Runs every exported broker with the real mosquitto 2.0 through the bundle's own start and stop
 * scripts: mosquitto exits at once on any key or value it refuses, so a broker that stays up and
 * listens proves its file. Exported with a port offset from {@link FreePorts} so that no port clashes.
 */
class RealMosquittoExportTest {

    static Stream<String> topologies() {
        return Stream.concat(Samples.NAMES.stream(), Stream.of("rich"));
    }

    private static Topology load(String name) {
        return name.equals("rich") ? RichTopology.create() : Samples.load(name);
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyExportedBrokerStartsListensAndStops(String name, @TempDir Path bundle) throws Exception {
        Topology t = load(name);
        int offset = freeOffset(t);
        new BundleWriter().write(t, bundle, offset);
        try {
            Process start = run(bundle.resolve("start-all.sh"), bundle.resolve("start.out"));
            assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(start.exitValue()).as(Files.readString(bundle.resolve("start.out"))).isZero();
            for (Broker b : t.brokers()) {
                for (Listener l : b.listeners()) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> accepts(l.port() + offset));
                }
                long pid = Long.parseLong(Files.readString(bundle.resolve(b.id()).resolve("mosquitto.pid")).strip());
                assertThat(ProcessHandle.of(pid)).as(b.id() + " running").hasValueSatisfying(
                        p -> assertThat(p.isAlive()).isTrue());
                // A bridge may race its remote's start ("Error creating bridge", then a retry); nothing else may fail.
                assertThat(Files.readAllLines(bundle.resolve(b.id()).resolve("mosquitto.log")))
                        .filteredOn(line -> line.contains("Error") && !line.contains("Error creating bridge")).isEmpty();
            }
        } finally {
            Process stop = run(bundle.resolve("stop-all.sh"), bundle.resolve("stop.out"));
            assertThat(stop.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Broker b : t.brokers()) {
            assertThat(bundle.resolve(b.id()).resolve("mosquitto.pid")).doesNotExist();
            for (Listener l : b.listeners()) {
                assertThat(accepts(l.port() + offset)).as("port " + (l.port() + offset) + " closed").isFalse();
            }
        }
    }

    @Test
    void exportedChallengeCarriesMessagesOverBothBridgeHops(@TempDir Path bundle) throws Exception {
        Topology t = Samples.load("challenge");
        int offset = freeOffset(t);
        new BundleWriter().write(t, bundle, offset);
        Process start = run(bundle.resolve("start-all.sh"), bundle.resolve("start.out"));
        assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Mqtt3BlockingClient subscriber = client("test-sub", mqttPort(t, "central") + offset);
        Mqtt3BlockingClient publisher = client("test-pub", mqttPort(t, "bridge-broker-2") + offset);
        try (Mqtt3BlockingClient.Mqtt3Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("srv/#").qos(MqttQos.EXACTLY_ONCE).send();
            // BridgeBroker2 -> BridgeBroker3 -> Central; publish until both bridges are up and it arrives.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                publisher.publishWith().topic("srv/temperature").qos(MqttQos.EXACTLY_ONCE)
                        .payload("Temperature: 24°C".getBytes(StandardCharsets.UTF_8)).send();
                return received.receive(500, TimeUnit.MILLISECONDS)
                        .filter(m -> m.getTopic().toString().equals("srv/temperature")).isPresent();
            });
        } finally {
            publisher.disconnect();
            subscriber.disconnect();
            run(bundle.resolve("stop-all.sh"), bundle.resolve("stop.out")).waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void exportedPasswordFileIsEnforced(@TempDir Path bundle) throws Exception {
        Topology t = RichTopology.create();
        int offset = freeOffset(t);
        new BundleWriter().write(t, bundle, offset);
        Process start = run(bundle.resolve("start-all.sh"), bundle.resolve("start.out"));
        assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try {
            int port = mqttPort(t, "edge") + offset;
            await().atMost(Duration.ofSeconds(10)).until(() -> accepts(port));
            Mqtt3BlockingClient anonymous = MqttClient.builder().useMqttVersion3().identifier("anon")
                    .serverHost("127.0.0.1").serverPort(port).buildBlocking();
            assertThatThrownBy(anonymous::connect).isInstanceOf(Mqtt3ConnAckException.class)
                    .hasMessageContaining("NOT_AUTHORIZED");
            Mqtt3BlockingClient alice = MqttClient.builder().useMqttVersion3().identifier("alice")
                    .serverHost("127.0.0.1").serverPort(port).simpleAuth().username("alice")
                    .password("secret".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
            assertThat(alice.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
            alice.disconnect();
        } finally {
            run(bundle.resolve("stop-all.sh"), bundle.resolve("stop.out")).waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Mqtt3BlockingClient client(String id, int port) {
        Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(c::connect);
        return c;
    }

    @Test
    void startScriptReportsABrokerMosquittoRefuses(@TempDir Path bundle) throws Exception {
        Broker broken = new Broker("broken", null, null, List.of(Listener.mqtt(1883)), true, null, null, null, null,
                null, List.of("bogus_option 1"), null);
        Topology t = Topology.of("", List.of(broken), List.of(), List.of(), List.of(), List.of());
        new BundleWriter().write(t, bundle, freeOffset(t));

        Process start = run(bundle.resolve("start-all.sh"), bundle.resolve("start.out"));
        assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(start.exitValue()).isEqualTo(1);
        assertThat(Files.readString(bundle.resolve("start.out"))).contains("broken: FAILED to start",
                "Unknown configuration variable \"bogus_option\"");
        assertThat(bundle.resolve("broken/mosquitto.pid")).doesNotExist();
    }

    private static Process run(Path script, Path output) throws IOException {
        // Run from another folder: the scripts must find their brokers wherever they are called from.
        return new ProcessBuilder("sh", script.toString()).directory(Path.of("/").toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An offset that puts every listener of the topology on a free, leased port. */
    private static int freeOffset(Topology t) {
        return FreePorts.offsetFor(t.brokers().stream().flatMap(b -> b.listeners().stream()).map(Listener::port).toList());
    }

    private static int mqttPort(Topology t, String broker) {
        return t.broker(broker).orElseThrow().mqttListener().orElseThrow().port();
    }
}

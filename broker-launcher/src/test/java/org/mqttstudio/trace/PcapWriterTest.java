package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real traffic through a tap, exported as pcap and read back by Wireshark's tshark (Debian package tshark). */
class PcapWriterTest {
    @TempDir
    Path folder;

    private LocalMosquitto mosquitto;
    private WireTap tap;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws IOException {
        mosquitto = LocalMosquitto.start(folder);
        tap = WireTap.start("b1", new InetSocketAddress("127.0.0.1", 0), mosquitto.address(), recorder);
    }

    @AfterEach
    void stop() {
        tap.close();
        mosquitto.close();
    }

    @Test
    void tsharkDecodesEveryPacketOfBothProtocolVersions() throws Exception {
        Mqtt3BlockingClient v3 = MqttClient.builder().useMqttVersion3().identifier("v3")
                .serverHost("127.0.0.1").serverPort(tap.port()).buildBlocking();
        Mqtt5BlockingClient v5 = MqttClient.builder().useMqttVersion5().identifier("v5")
                .serverHost("127.0.0.1").serverPort(tap.port()).buildBlocking();
        v3.connect();
        v5.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = v5.publishes(MqttGlobalPublishFilter.ALL)) {
            v5.subscribeWith().topicFilter("pcap/#").qos(MqttQos.EXACTLY_ONCE).send();
            v3.publishWith().topic("pcap/a").qos(MqttQos.EXACTLY_ONCE).payload("hi".getBytes(UTF_8)).send();
            v3.publishWith().topic("pcap/b").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[70_000]).send();
            assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
            assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
        }
        v5.unsubscribeWith().topicFilter("pcap/#").send();
        v3.disconnect();
        v5.disconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.snapshot().stream()
                .filter(e -> e.type() == PacketType.DISCONNECT).count() == 2);
        List<PacketEvent> events = recorder.snapshot();
        Path pcap = folder.resolve("trace.pcap");

        PcapWriter.write(pcap, events);

        List<String> expected = new ArrayList<>();
        for (PacketEvent event : events) {
            // tshark's mqtt.topic is the PUBLISH topic or the (first) SUBSCRIBE/UNSUBSCRIBE filter
            String topic = event.type() == PacketType.PUBLISH ? event.topic()
                    : event.subscriptions().isEmpty() ? "" : event.subscriptions().get(0).filter();
            expected.add((event.type().ordinal() + 1) + "|" + topic);
        }
        assertThat(tshark(pcap, "-Y", "mqtt", "-T", "fields", "-E", "separator=|", "-e", "mqtt.msgtype",
                "-e", "mqtt.topic")).containsExactlyElementsOf(expected);
        assertThat(tshark(pcap, "-Y", "mqtt.ver == 5 && mqtt.msgtype == 1", "-T", "fields", "-e", "mqtt.clientid"))
                .containsExactly("v5");
        assertThat(tshark(pcap, "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-Y", "_ws.malformed || _ws.expert.severity >= warning || ip.checksum.status == 0"
                        + " || tcp.checksum.status == 0")).isEmpty();
    }

    private List<String> tshark(Path pcap, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", pcap.toString(),
                "-d", "tcp.port==" + tap.port() + ",mqtt"));
        command.addAll(List.of(options));
        Path output = folder.resolve("tshark.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllLines(output);
    }
}

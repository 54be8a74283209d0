package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.runtime.FreePorts;

/**
 * Two real mosquittos, A bridged to B ({@code topic # out 2}), each behind a tap; the bridge connects to B's tap.
 * One QoS 2 message published on A is one flow: publisher → A, bridge → B, B → subscriber, each hop with its
 * PUBREC/PUBREL/PUBCOMP.
 */
class FlowsOnRealMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final MosquittoProcesses mosquitto = new MosquittoProcesses();

    private final Recorder recorder = new Recorder();
    private final FlowFeed flows = new FlowFeed(new FlowCorrelator());
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
    }

    @Test
    void aQos2MessageAcrossABridgeIsOneFlowOfThreeHopsWithMatchedHandshakes() throws Exception {
        int base = FreePorts.consecutive(4);
        int portA = base;
        int tapPortA = base + 1;
        int portB = base + 2;
        int tapPortB = base + 3;
        mosquitto.start("B", conf("b.conf", portB), portB);
        tap("B", tapPortB, portB);
        mosquitto.start("A", conf("a.conf", portA,
                "connection a-to-b",
                "address 127.0.0.1:" + tapPortB,
                "remote_clientid bridge-a-b",
                "topic # out 2",
                "restart_timeout 1 1"), portA);
        tap("A", tapPortA, portA);
        await().atMost(WAIT).until(() -> recorder.snapshot().stream().anyMatch(
                e -> e.type() == PacketType.CONNACK && "bridge-a-b".equals(e.clientId())));

        flows.start();
        toClose.push(flows);
        Mqtt3AsyncClient subscriber = MqttClient.builder().useMqttVersion3().identifier("sub-b")
                .serverHost("127.0.0.1").serverPort(tapPortB).buildAsync();
        subscriber.connect().join();
        toClose.push(() -> subscriber.disconnect().join());
        List<String> received = new CopyOnWriteArrayList<>();
        subscriber.subscribeWith().topicFilter("srv/#").qos(MqttQos.EXACTLY_ONCE)
                .callback(p -> received.add(new String(p.getPayloadAsBytes(), UTF_8))).send().join();
        Mqtt3BlockingClient publisher = MqttClient.builder().useMqttVersion3().identifier("pub-a")
                .serverHost("127.0.0.1").serverPort(tapPortA).buildBlocking();
        publisher.connect();
        toClose.push(publisher::disconnect);

        String payload = "Temperature: 24°C";
        publisher.publishWith().topic("srv/temperature").qos(MqttQos.EXACTLY_ONCE).payload(payload.getBytes(UTF_8))
                .send();

        // through the feed the runner uses: the two taps' packets put back in time order before they are correlated
        await().atMost(WAIT).until(() -> flowOf(flows.snapshot(), payload).filter(MessageFlow::complete)
                .map(f -> f.hops().size()).orElse(0) >= 3);
        assertThat(received).containsExactly(payload);
        MessageFlow flow = flowOf(flows.snapshot(), payload).orElseThrow();
        assertThat(flow.hops()).extracting(FlowHop::node, FlowHop::clientId, FlowHop::direction, FlowHop::topic,
                        FlowHop::qos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "pub-a", PacketDirection.CLIENT_TO_BROKER,
                                "srv/temperature", 2),
                        org.assertj.core.groups.Tuple.tuple("B", "bridge-a-b", PacketDirection.CLIENT_TO_BROKER,
                                "srv/temperature", 2),
                        org.assertj.core.groups.Tuple.tuple("B", "sub-b", PacketDirection.BROKER_TO_CLIENT,
                                "srv/temperature", 2));
        assertThat(flow.hops()).allSatisfy(hop -> {
            assertThat(hop.packetId()).isNotNull();
            assertThat(hop.acks()).extracting(FlowHop.Ack::type)
                    .containsExactly(PacketType.PUBREC, PacketType.PUBREL, PacketType.PUBCOMP);
            assertThat(hop.acks().get(0).time()).isAfterOrEqualTo(hop.published());
        });
        // Each hop's handshake is the one the tap saw on that connection, with the hop's packet id.
        for (FlowHop hop : flow.hops()) {
            assertThat(recorder.snapshot()).filteredOn(e -> e.node().equals(hop.node())
                            && e.connectionId() == hop.connectionId() && e.type() == PacketType.PUBCOMP)
                    .extracting(PacketEvent::packetId).contains(hop.packetId());
        }
    }

    private static Optional<MessageFlow> flowOf(List<MessageFlow> flows, String payload) {
        return flows.stream().filter(f -> f.payloadText().equals(payload)).findFirst();
    }

    private void tap(String node, int port, int brokerPort) {
        toClose.push(WireTap.start(node, new InetSocketAddress("127.0.0.1", port),
                new InetSocketAddress("127.0.0.1", brokerPort), recorder.andThen(flows)));
    }

    private Path conf(String name, int port, String... bridgeLines) throws IOException {
        List<String> text = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "allow_anonymous true",
                "persistence false", "log_dest stderr", "log_type all"));
        text.addAll(List.of(bridgeLines));
        return Files.write(mosquitto.folder().resolve(name), text, UTF_8);
    }
}

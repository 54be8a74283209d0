package org.mqttstudio.mosquitto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * The course challenge exported by {@link BundleWriter} and run on four real mosquittos: Publisher1
 * on BridgeBroker1 reaches Central over one bridge, Publisher2 on BridgeBroker2 over two
 * (BridgeBroker2 → BridgeBroker3 → Central), each exactly once at QoS 2.
 */
class ChallengeOnRealMosquittoTest {
    private static final String STATE_TOPICS = "$SYS/broker/connection/+/state";

    /** Stops every mosquitto after the test; it runs after {@link #disconnectClients()}. */
    @RegisterExtension
    final MosquittoProcesses mosquitto = new MosquittoProcesses();

    private final List<Mqtt3AsyncClient> clients = new ArrayList<>();

    @AfterEach
    void disconnectClients() {
        clients.forEach(c -> c.disconnect().exceptionally(notConnected -> null).join());
    }

    @Test
    void bothMessagesCrossTheBridgeChainExactlyOnceAtQos2() throws Exception {
        Topology challenge = Samples.load("challenge");
        int offset = FreePorts.offsetFor(listenerPorts(challenge));
        Path bundle = mosquitto.folder();
        new BundleWriter().write(challenge, bundle, offset);

        Map<String, Integer> ports = new HashMap<>();
        for (Broker b : targetsFirst(challenge)) {
            int port = b.mqttListener().orElseThrow().port() + offset;
            mosquitto.start(b.name(), bundle.resolve(b.id()).resolve("mosquitto.conf"), port);
            ports.put(b.id(), port);
        }
        awaitBridgesConnected(challenge, ports);

        Map<String, Queue<Mqtt3Publish>> received = new ConcurrentHashMap<>();
        for (Subscriber s : challenge.subscribers()) {
            Queue<Mqtt3Publish> inbox = received.computeIfAbsent(s.id(), id -> new ConcurrentLinkedQueue<>());
            Mqtt3AsyncClient client = connect(s.client(), ports.get(s.broker()));
            for (Subscription sub : s.subscriptions()) {
                subscribe(client, sub.filter(), MqttQos.fromCode(sub.qos()), inbox::add);
            }
        }
        for (Publisher p : challenge.publishers()) {
            connect(p.client(), ports.get(p.broker())).publishWith().topic(p.topic())
                    .payload(p.payload().getBytes(UTF_8)).qos(MqttQos.fromCode(p.qos())).retain(p.retain())
                    .send().join();
        }

        // Arrived, and no duplicate follows within a second.
        await("one message per subscriber").atMost(Duration.ofSeconds(15)).during(Duration.ofSeconds(1))
                .until(() -> received.values().stream().allMatch(inbox -> inbox.size() == 1));
        assertArrivedOnce(received.get("temperature-subscriber"), "srv/temperature", "Temperature: 24°C");
        assertArrivedOnce(received.get("humidity-subscriber"), "srv/humidity", "Humidity: 10%");
        for (MosquittoProcess p : mosquitto.processes()) {
            assertThat(p.isAlive()).as("%s still running", p.name()).isTrue();
            assertThat(p.output()).as("output of %s", p.name()).contains("running").doesNotContain("Error");
        }
    }

    private static void assertArrivedOnce(Queue<Mqtt3Publish> inbox, String topic, String payload) {
        assertThat(inbox).singleElement().satisfies(publish -> {
            assertThat(publish.getTopic()).hasToString(topic);
            assertThat(new String(publish.getPayloadAsBytes(), UTF_8)).isEqualTo(payload);
            assertThat(publish.getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        });
    }

    /**
     * Waits for every bridge's retained {@code 1} on its remote broker's
     * {@code $SYS/broker/connection/<remote client id>/state}: mosquitto publishes it once the
     * bridge is connected and its topics are subscribed.
     */
    private void awaitBridgesConnected(Topology t, Map<String, Integer> ports) {
        Map<String, String> states = new ConcurrentHashMap<>();
        for (String brokerId : t.bridges().stream().map(Bridge::to).distinct().toList()) {
            Mqtt3AsyncClient monitor = connect(ClientSettings.of("monitor-" + brokerId), ports.get(brokerId));
            subscribe(monitor, STATE_TOPICS, MqttQos.AT_LEAST_ONCE,
                    p -> states.put(brokerId + " " + p.getTopic(), new String(p.getPayloadAsBytes(), UTF_8)));
        }
        await("every bridge connected (seen: " + states + ")").atMost(Duration.ofSeconds(30))
                .until(() -> t.bridges().stream().allMatch(b -> states.entrySet().stream()
                        .anyMatch(s -> s.getValue().equals("1") && isStateOf(b, s.getKey()))));
    }

    /**
     * Whether "brokerId topic" is the state topic of bridge b. mosquitto 2.0.11's default remote
     * client id is {@code <hostname>.<connection name>} (seen here: {@code vm.bridge1_central}).
     */
    private static boolean isStateOf(Bridge b, String brokerAndTopic) {
        String[] parts = brokerAndTopic.split(" ", 2);
        String clientId = parts[1].split("/")[3];
        return parts[0].equals(b.to()) && (b.remoteClientId() == null
                ? clientId.endsWith("." + b.name()) : clientId.equals(b.remoteClientId()));
    }

    private Mqtt3AsyncClient connect(ClientSettings settings, int port) {
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(settings.clientId()).serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        clients.add(client);
        client.connectWith().cleanSession(settings.cleanSession()).keepAlive(settings.keepalive()).send().join();
        return client;
    }

    private static void subscribe(Mqtt3AsyncClient client, String filter, MqttQos qos, Consumer<Mqtt3Publish> inbox) {
        client.subscribeWith().topicFilter(filter).qos(qos).callback(inbox).send().join();
    }

    private static List<Integer> listenerPorts(Topology t) {
        return t.brokers().stream().flatMap(b -> b.listeners().stream()).map(Listener::port).toList();
    }

    /** Bridge targets before their sources, so that each bridge connects on its first try, not after a retry delay. */
    private static List<Broker> targetsFirst(Topology t) {
        List<Broker> order = new ArrayList<>();
        List<Broker> left = new ArrayList<>(t.brokers());
        while (!left.isEmpty()) {
            Broker next = left.stream()
                    .filter(b -> t.bridgesFrom(b.id()).stream().allMatch(bridge -> t.broker(bridge.to()).isEmpty()
                            || order.stream().anyMatch(started -> started.id().equals(bridge.to()))))
                    .findFirst().orElse(left.get(0)); // a cycle: any order will do
            order.add(next);
            left.remove(next);
        }
        return order;
    }
}

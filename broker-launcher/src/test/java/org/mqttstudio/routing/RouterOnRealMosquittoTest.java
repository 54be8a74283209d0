package org.mqttstudio.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mqttstudio.routing.TopologyBuilder.both;
import static org.mqttstudio.routing.TopologyBuilder.out;
import static org.mqttstudio.routing.TopologyBuilder.rule;
import static org.mqttstudio.routing.TopologyBuilder.topology;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.mosquitto.MosquittoConfWriter;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.runtime.FreePorts;

/**
 * The Router's prediction against two real mosquittos (a bridged to b) for topic lines that
 * overlap: what each subscriber receives, as publisher, topic and QoS, once each.
 */
class RouterOnRealMosquittoTest {
    @RegisterExtension
    final MosquittoProcesses mosquitto = new MosquittoProcesses();

    private final List<Mqtt3AsyncClient> clients = new ArrayList<>();

    @AfterEach
    void disconnectClients() {
        clients.forEach(c -> c.disconnect().exceptionally(notConnected -> null).join());
    }

    static Stream<Arguments> overlappingLines() {
        return Stream.of(
                arguments("s/+ out 2 \"\" r1/, s/# out 1",
                        List.of(rule("s/+", Direction.OUT, 2, "", "r1/"), out("s/#", 1))),
                arguments("s/# out 2 \"\" r1/, s/+ out 1",
                        List.of(rule("s/#", Direction.OUT, 2, "", "r1/"), out("s/+", 1))),
                arguments("s/# out 2, s/+ out 1 \"\" r1/",
                        List.of(out("s/#", 2), rule("s/+", Direction.OUT, 1, "", "r1/"))),
                arguments("# out 2, s/b out 1", List.of(out("#", 2), out("s/b", 1))),
                arguments("s/b out 2, s/b out 1 \"\" r1/",
                        List.of(out("s/b", 2), rule("s/b", Direction.OUT, 1, "", "r1/"))),
                arguments("s/+ in 2 l2/ \"\", s/# in 1 l1/ \"\"",
                        List.of(rule("s/+", Direction.IN, 2, "l2/", ""), rule("s/#", Direction.IN, 1, "l1/", ""))),
                arguments("# both 1, # out 2", List.of(both("#", 1), out("#", 2))),
                arguments("# out 2, # both 1", List.of(out("#", 2), both("#", 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlappingLines")
    void routerPredictsWhatMosquittoDelivers(String lines, List<BridgeRule> rules) throws Exception {
        Topology t = topology().broker("a").broker("b").bridge("ab", "a", "b", rules.toArray(BridgeRule[]::new))
                .pub("fromA", "a", "s/b", 2).pub("fromB", "b", "s/b", 2)
                .sub("onA", "a", "#", 2).sub("onB", "b", "#", 2).build();
        Map<String, List<String>> expected = t.subscribers().stream().collect(Collectors.toMap(s -> s.id(),
                s -> new Router().routes(t).routesTo(s.id()).stream().map(RouterOnRealMosquittoTest::seen).toList()));

        int offset = FreePorts.offsetFor(t.brokers().stream().flatMap(b -> b.listeners().stream()).map(l -> l.port()).toList());
        Map<String, Integer> ports = new ConcurrentHashMap<>();
        for (String id : List.of("b", "a")) {
            Broker b = t.broker(id).orElseThrow();
            Path conf = Files.writeString(mosquitto.folder().resolve(id + ".conf"),
                    new MosquittoConfWriter().write(t, b, offset));
            ports.put(id, b.listeners().get(0).port() + offset);
            mosquitto.start(id, conf, ports.get(id));
        }
        awaitBridgeUp(ports.get("b"));

        Map<String, Queue<String>> received = new ConcurrentHashMap<>();
        for (var s : t.subscribers()) {
            Queue<String> inbox = received.computeIfAbsent(s.id(), id -> new ConcurrentLinkedQueue<>());
            connect(s.id(), ports.get(s.broker())).subscribeWith().topicFilter("#").qos(MqttQos.EXACTLY_ONCE)
                    .callback(p -> inbox.add(new String(p.getPayloadAsBytes(), UTF_8) + " " + p.getTopic() + " "
                            + p.getQos().getCode()))
                    .send().join();
        }
        for (var p : t.publishers()) {
            connect(p.id(), ports.get(p.broker())).publishWith().topic(p.topic()).qos(MqttQos.EXACTLY_ONCE)
                    .payload(p.id().getBytes(UTF_8)).send().join();
        }

        await(lines).atMost(Duration.ofSeconds(15)).during(Duration.ofSeconds(1)).untilAsserted(() ->
                expected.forEach((s, seen) -> assertThat(received.get(s)).as(lines + ", " + s)
                        .containsExactlyInAnyOrderElementsOf(seen)));
    }

    /** What a subscriber sees of a route: "publisher topic qos". */
    private static String seen(Route r) {
        return r.publisherId() + " " + r.hops().get(r.hops().size() - 1).topic() + " " + r.qos();
    }

    /** mosquitto says "1" on the remote's state topic once the bridge is connected and has subscribed there. */
    private void awaitBridgeUp(int remotePort) {
        Queue<String> states = new ConcurrentLinkedQueue<>();
        connect("monitor", remotePort).subscribeWith().topicFilter("$SYS/broker/connection/+/state")
                .qos(MqttQos.AT_LEAST_ONCE).callback(p -> states.add(new String(p.getPayloadAsBytes(), UTF_8)))
                .send().join();
        await("bridge connected").atMost(Duration.ofSeconds(15)).until(() -> states.contains("1"));
    }

    private Mqtt3AsyncClient connect(String clientId, int port) {
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
                .buildAsync();
        clients.add(client);
        client.connect().join();
        return client;
    }
}

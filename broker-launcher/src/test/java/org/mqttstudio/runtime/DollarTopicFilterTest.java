package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/**
 * MQTT-4.7.2-1 on both runtimes, as mosquitto keeps it: an outside client publishes {@code $test/a} and
 * {@code test/a} to broker a, and filters starting with a wildcard get only {@code test/a}. On a lone broker (no
 * '$' traffic in its topology) and on one with a notifying bridge (its retained $SYS state goes to a too).
 */
class DollarTopicFilterTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FILTERS = List.of("#", "+/a", "$test/#", "$test/a");

    private static Broker broker(String id, int port) {
        return Broker.simple(id, id, port, true, Position.ORIGIN);
    }

    private static Topology lone() {
        return Topology.of("lone", List.of(broker("a", 1883)), List.of(), List.of(), List.of(), List.of());
    }

    private static Topology notifyingBridge() {
        Bridge bridge = Bridge.simple("b", "b", "a", "c", List.of(BridgeRule.out("#", 1)));
        assertThat(bridge.notifications()).isTrue();
        return Topology.of("bridged", List.of(broker("a", 1883), broker("c", 1884)), List.of(), List.of(bridge),
                List.of(), List.of());
    }

    static Stream<Arguments> cases() {
        return Stream.of(RunOptions.Runtime.values()).flatMap(runtime -> Stream.of(
                Arguments.of(runtime, lone()), Arguments.of(runtime, notifyingBridge())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void filtersStartingWithAWildcardNeverGetDollarTopics(RunOptions.Runtime runtime, Topology topology) {
        int offset = ChallengeRunTest.freeOffset(topology);
        int port = 1883 + offset;
        try (TopologyRunner runner = TopologyRunner.start(topology,
                RunOptions.defaults().withRuntime(runtime).withPortOffset(offset))) {
            Map<String, TestClient> subscribers = new LinkedHashMap<>();
            try (TestClient retained = TestClient.connect(port)) {
                // a retained '$' message is sent on SUBSCRIBE: the filter must hold before it
                retained.publish("$test/a", "retained", 1, true);
                retained.publish("test/a", "retained", 1, true);
            }
            try {
                for (String filter : FILTERS) {
                    TestClient client = TestClient.connect(port);
                    subscribers.put(filter, client);
                    client.subscribe(filter, 1);
                }
                try (TestClient outsider = TestClient.connect(port)) {
                    // in order from one publisher: a '$' message wrongly let through arrives before the next
                    for (String n : List.of("1", "2")) {
                        outsider.publish("$test/a", n, 1);
                        outsider.publish("test/a", n, 1);
                    }
                }
                await().atMost(WAIT).until(() -> subscribers.get("#").received().contains("test/a=2")
                        && subscribers.get("+/a").received().contains("test/a=2")
                        && subscribers.get("$test/#").received().contains("$test/a=2")
                        && subscribers.get("$test/a").received().contains("$test/a=2"));

                List<String> plain = List.of("test/a=retained", "test/a=1", "test/a=2");
                List<String> dollar = List.of("$test/a=retained", "$test/a=1", "$test/a=2");
                assertThat(subscribers.get("#").received()).as("#, MQTT-4.7.2-1").isEqualTo(plain);
                assertThat(subscribers.get("+/a").received()).as("+/a, MQTT-4.7.2-1").isEqualTo(plain);
                assertThat(subscribers.get("$test/#").received()).isEqualTo(dollar);
                assertThat(subscribers.get("$test/a").received()).isEqualTo(dollar);
                if (!topology.bridges().isEmpty()) {
                    try (TestClient state = TestClient.connect(port)) {
                        state.subscribe("$SYS/broker/connection/#", 1);
                        await().atMost(WAIT).until(() -> state.received().stream().anyMatch(m -> m.endsWith("=1")));
                    }
                    assertThat(subscribers.get("#").received()).as("no bridge notification on #").isEqualTo(plain);
                }
            } finally {
                subscribers.values().forEach(TestClient::close);
            }
        }
    }
}

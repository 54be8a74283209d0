package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/** Which brokers keep '#' and '+' away from '$' topics ({@link DollarTopicDelivery#neededOn}), and what the others do. */
class DollarTopicFilterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path runDir;

    private static Broker broker(String id, int port) {
        return Broker.simple(id, id, port, true, Position.ORIGIN);
    }

    private static Bridge quietBridge(List<BridgeRule> rules) {
        Bridge defaults = Bridge.simple("b", "b", "a", "c", rules);
        return new Bridge(defaults.id(), defaults.name(), defaults.from(), defaults.to(), rules, null, null, null,
                null, null, null, null, null, null, null, false, null, null, null, null, null);
    }

    private static Topology twoBrokers(List<Bridge> bridges, List<Publisher> publishers) {
        return Topology.of("t", List.of(broker("a", 1883), broker("c", 1884)), List.of(), bridges, publishers,
                List.of());
    }

    @Test
    void brokersAtEitherEndOfANotifyingBridgeNeedTheFilter() {
        Topology challenge = Samples.load("challenge");
        assertThat(challenge.brokers()).allSatisfy(b ->
                assertThat(DollarTopicDelivery.neededOn(challenge, b.id())).as(b.id()).isTrue());
    }

    @Test
    void brokersWhereNoDollarTopicIsPublishedDoNot() {
        Topology quiet = twoBrokers(List.of(quietBridge(List.of(BridgeRule.out("#", 1)))), List.of());
        assertThat(DollarTopicDelivery.neededOn(quiet, "a")).isFalse();
        assertThat(DollarTopicDelivery.neededOn(quiet, "c")).isFalse();

        Topology sysRule = twoBrokers(List.of(quietBridge(List.of(BridgeRule.out("$SYS/#", 0)))), List.of());
        assertThat(DollarTopicDelivery.neededOn(sysRule, "a")).isTrue();
        assertThat(DollarTopicDelivery.neededOn(sysRule, "c")).isTrue();

        Publisher dollar = new Publisher("p", "p", "c", ClientSettings.of("p"), "$app/x", "1", 1000, null, 0, false,
                Position.ORIGIN);
        Topology publisher = twoBrokers(List.of(), List.of(dollar));
        assertThat(DollarTopicDelivery.neededOn(publisher, "c")).isTrue();
        assertThat(DollarTopicDelivery.neededOn(publisher, "a")).isFalse();
    }

    @Test
    void withoutTheFilterAnOutsideClientsDollarTopicReachesHashAsKnownDifferencesSays() throws Exception {
        Broker node = broker("lone", 1883);
        EmbeddedBroker broker = new EmbeddedBroker(node, runDir, Map.of(node.listeners().get(0), 0),
                BrokerSecurity.OPEN, Set.of(), false);
        try {
            broker.start();
            int port = RunningBrokers.mqttPort(broker);
            try (TestClient hash = TestClient.connect(port);
                    TestClient outsider = TestClient.connect(port)) {
                hash.subscribe("#", 1);
                outsider.publish("$app/state", "1", 1);
                await().atMost(WAIT).until(() -> !hash.received().isEmpty());
                assertThat(hash.received()).as(Claims.of(KnownDifferences.DOLLAR_FILTER, TwoRuntimes.Runtime.EMBEDDED))
                        .containsExactly("$app/state=1");
            }
        } finally {
            broker.stop();
        }
    }
}

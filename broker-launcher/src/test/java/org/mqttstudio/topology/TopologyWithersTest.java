package org.mqttstudio.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyWithersTest {
    private final Topology challenge = Samples.load("challenge");

    @Test
    void withNodeReplacesInPlaceOrAppends() {
        Broker central = challenge.broker("central").orElseThrow();
        Topology moved = challenge.withNode(central.withPosition(new Position(1, 2)));
        assertThat(moved.brokers()).extracting(Broker::id).isEqualTo(challenge.brokers().stream().map(Broker::id).toList());
        assertThat(moved.broker("central").orElseThrow().position()).isEqualTo(new Position(1, 2));

        Topology added = challenge.withNode(Broker.simple("extra", "Extra", 2000, true, null));
        assertThat(added.brokers()).last().extracting(Broker::id).isEqualTo("extra");
    }

    @Test
    void withBridgeReplacesOrAppends() {
        Bridge b = challenge.bridge("bridge1_central").orElseThrow().withRules(List.of(BridgeRule.out("#", 0)));
        assertThat(challenge.withBridge(b).bridges()).hasSameSizeAs(challenge.bridges()).contains(b);
        Bridge added = Bridge.simple("new", "new", "central", "bridge-broker-1", List.of());
        assertThat(challenge.withBridge(added).bridges()).last().isEqualTo(added);
    }

    @Test
    void withoutABrokerTakesItsBridgesAndClients() {
        Topology t = challenge.without(Set.of("central"));
        assertThat(t.broker("central")).isEmpty();
        assertThat(t.bridges()).extracting(Bridge::id).containsExactly("bridge2_bridge3");
        assertThat(t.subscribers()).isEmpty();
        assertThat(t.publishers()).hasSize(2);
    }

    @Test
    void freshIdSkipsUsedIds() {
        Topology t = Topology.empty().withNode(Broker.simple("broker1", null, 1883, true, null))
                .withNode(Broker.simple("broker3", null, 1884, true, null));
        assertThat(t.freshId("broker")).isEqualTo("broker2");
        assertThat(t.freshId("external")).isEqualTo("external1");
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * A broker stopped and started again mid-run (the canvas's Stop / Start broker) comes back on new internal ports:
 * the bridge it owns starts again there and forwards as before.
 */
class FaultBrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Topology topology = Topology.of("a bridge that restarts with its broker",
            List.of(Broker.simple("a", "A", 1883, true, null), Broker.simple("b", "B", 1884, true, null)),
            List.of(),
            List.of(Bridge.simple("a_b", "a_b", "a", "b", List.of(new BridgeRule("t/#", Direction.OUT, 1, null, null)))),
            List.of(new Publisher("pub", null, "a", ClientSettings.of("pub"), "t/a", "m{seq}", 100, 0, 1, false, null)),
            List.of(new Subscriber("sub", null, "b", ClientSettings.of("sub"), List.of(new Subscription("t/#", 1)),
                    null)));
    private TopologyRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void theRestartedBrokersOwnBridgeForwardsAgain() {
        runner = TopologyRunner.start(topology, RunOptions.defaults().withPortOffset(ChallengeRunTest.freeOffset(topology)));
        await().atMost(WAIT).until(() -> received() > 0);

        runner.stopBroker("a").join();
        await().atMost(WAIT).until(() -> state("a_b") == NodeStatus.State.FAILED);
        runner.startBroker("a").join();

        long afterStart = received();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(state("a_b")).isEqualTo(NodeStatus.State.RUNNING);
            assertThat(received()).isGreaterThan(afterStart + 3);
        });
    }

    private NodeStatus.State state(String elementId) {
        return runner.status(elementId).map(NodeStatus::state).orElse(null);
    }

    private long received() {
        return runner.deliveries().stream().filter(d -> d.subscriberId().equals("sub")).count();
    }
}

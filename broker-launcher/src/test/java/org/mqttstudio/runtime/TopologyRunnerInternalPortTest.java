package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;

/**
 * A run whose internal port another broker in this JVM took after {@link PortPlan} found it free (two
 * runs at once can be given the same one): the run's broker moves to a new internal port, and clients
 * through its tap reach it, not the other broker.
 */
class TopologyRunnerInternalPortTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path otherRunDir;

    @Test
    void anInternalPortTakenBeforeTheStartIsReplacedAndTheTapReachesItsOwnBroker() throws Exception {
        Broker central = Broker.simple("central", "Central", 1883, true, null);
        Topology topology = Topology.of("one broker", List.of(central), List.of(), List.of(), List.of(), List.of());
        Listener listener = central.listeners().get(0);
        try (TopologyRunner runner = TopologyRunner.create(topology,
                RunOptions.defaults().withPortOffset(ChallengeRunTest.freeOffset(topology)));
                RunningBrokers otherRun = new RunningBrokers(otherRunDir)) {
            int planned = runner.ports().internalPorts(central).get(listener);
            Broker other = Broker.simple("other", null, 1883, true, null);
            otherRun.create(other, Map.of(other.listeners().get(0), planned), BrokerSecurity.OPEN).start();

            runner.start();

            assertThat(runner.status("central")).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(NodeStatus.State.RUNNING);
                assertThat(s.message()).startsWith("listening on " + runner.ports().nodePort(listener) + " (broker on ")
                        .doesNotContain("broker on " + planned + ")");
            });
            int tap = runner.ports().nodePort(listener);
            try (TestClient onOther = TestClient.connect(planned);
                    TestClient subscriber = TestClient.connect(tap);
                    TestClient publisher = TestClient.connect(tap)) {
                onOther.subscribe("#", 1);
                subscriber.subscribe("#", 1);
                publisher.publish("run/hello", "through the tap", 1);
                await().atMost(WAIT).until(() -> subscriber.received().contains("run/hello=through the tap"));
                onOther.publish("other/marker", "m", 1); // after what the tap's publisher sent, had it come here
                await().atMost(WAIT).until(() -> !onOther.received().isEmpty());
                assertThat(onOther.received()).containsExactly("other/marker=m");
                assertThat(subscriber.received()).containsExactly("run/hello=through the tap");
            }
        }
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.check.Checker;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * {@link KnownDifferences#BOTH_TO_EXTERNAL}, measured: a broker bridges {@code s/# both 1} to an external
 * mosquitto 2.0.11 (a fresh one per run: a session left by one runtime's bridge would change what the next one
 * sees), and a subscriber beside the publisher counts the copies of its 3 messages.
 */
class ExternalBrokerEchoTest {
    private static final int MESSAGES = 3;

    @RegisterExtension
    final MosquittoProcesses outside = new MosquittoProcesses();

    @ParameterizedTest(name = "{0}")
    @EnumSource(RunOptions.Runtime.class)
    void aBothRuleToAnExternalMosquittoEchoesOnlyOnTheEmbeddedRuntime(RunOptions.Runtime runtime) throws Exception {
        int port = FreePorts.one();
        Path conf = Files.writeString(outside.folder().resolve("outside.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        outside.start("outside", conf, port);
        Topology topology = Topology.of("echo", List.of(Broker.simple("b0", null, 1883, true, Position.ORIGIN)),
                List.of(new ExternalBroker("x", null, "127.0.0.1", port, null)),
                List.of(Bridge.simple("br", "br", "b0", "x", List.of(new BridgeRule("s/#", Direction.BOTH, 1, null,
                        null)))),
                List.of(new Publisher("p", null, "b0", ClientSettings.of("p"), "s/a", "m{seq}", 50, MESSAGES, 1,
                        false, null)),
                List.of(new Subscriber("s", null, "b0", ClientSettings.of("s"), List.of(new Subscription("s/#", 1)),
                        null)));
        assertThat(new Checker().check(topology)).as("the checker warns of it")
                .anyMatch(f -> f.code().equals("bridge-echo") && f.elementId().equals("br"));
        assertThat(KnownDifferences.about(KnownDifferences.BOTH_TO_EXTERNAL)).get().extracting(
                KnownDifferences.Difference::embedded).asString().contains("6 copies of 3 messages");

        int copies = runtime == RunOptions.Runtime.EMBEDDED ? 2 * MESSAGES : MESSAGES;
        TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(ChallengeRunTest.freeOffset(topology)));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> runner.deliveries().size() >= copies);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(runner.deliveries()).as("copies on %s", runtime).hasSize(copies));
        } finally {
            runner.stop();
        }
    }
}

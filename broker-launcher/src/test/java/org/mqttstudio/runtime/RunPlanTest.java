package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

class RunPlanTest {
    private final Topology challenge = Samples.load("challenge");

    @Test
    void bridgeTargetsStartBeforeTheirSources() {
        RunPlan plan = RunPlan.of(challenge, RunOptions.defaults());
        try {
            assertThat(plan.brokersTargetsFirst()).extracting(Broker::id)
                    .containsExactly("central", "bridge-broker-3", "bridge-broker-1", "bridge-broker-2");
            assertThat(plan.listenersBeforePublishers()).containsExactlyInAnyOrder("bridge1_central",
                    "bridge2_bridge3", "bridge3_central", "humidity-subscriber", "temperature-subscriber");
        } finally {
            plan.deleteOwnRunDir();
        }
        assertThat(Files.exists(plan.runDir())).as("a temporary run folder is deleted").isFalse();
    }
}

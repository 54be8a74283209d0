package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;

/** The status store: mosquitto's bridges' status from the CONNACKs at their remote, and what a stop leaves. */
class ElementStatusesTest {
    private static final String HOST = "studio-host";
    private final Topology challenge = Samples.load("challenge");
    private final RunPlan mosquitto = RunPlan.of(challenge, RunOptions.defaults()
            .withRuntime(RunOptions.Runtime.MOSQUITTO).withHostname(HOST));
    private final RunPlan embedded = RunPlan.of(challenge, RunOptions.defaults().withHostname(HOST));

    @AfterEach
    void deleteRunDirs() {
        mosquitto.deleteOwnRunDir();
        embedded.deleteOwnRunDir();
    }

    private PacketEvent connack(String clientId, int code) {
        return new PacketEvent(Instant.now(), "central", 1, new InetSocketAddress("127.0.0.1", 40000), 1884, clientId,
                PacketDirection.BROKER_TO_CLIENT, PacketType.CONNACK, null, 0, false, false, null, null,
                List.of(code), List.of(), List.of(), 4, 4, new byte[4], null);
    }

    @Test
    void aMosquittoBridgeRunsWhenItsRemoteAcceptsItAndFailsWithTheCodeWhenRefused() {
        ElementStatuses statuses = new ElementStatuses(mosquitto);
        EventFeed.Subscription<NodeStatus> feed = statuses.feed().subscribe(10);
        String remoteId = challenge.bridge("bridge3_central").orElseThrow().effectiveRemoteClientId(HOST);

        statuses.onPacket(connack(remoteId, 5));
        assertThat(statuses.of("bridge3_central")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(NodeStatus.State.FAILED);
            assertThat(s.message()).isEqualTo("Central refused it (CONNACK 5)");
        });
        statuses.onPacket(connack(remoteId, 0));
        assertThat(statuses.of("bridge3_central")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(NodeStatus.State.RUNNING);
            assertThat(s.message()).isEqualTo("connected to Central");
        });
        statuses.onPacket(connack("subscriber_temperature", 0));
        assertThat(feed.poll(10)).extracting(NodeStatus::elementId)
                .containsExactly("bridge3_central", "bridge3_central");
        assertThat(statuses.all()).containsOnlyKeys("bridge3_central");
    }

    @Test
    void onTheEmbeddedRuntimeTheBridgesSayThemselvesNotTheirConnacks() {
        ElementStatuses statuses = new ElementStatuses(embedded);
        statuses.onPacket(connack(challenge.bridge("bridge3_central").orElseThrow().effectiveRemoteClientId(HOST), 0));
        assertThat(statuses.all()).isEmpty();
    }

    @Test
    void aStopLeavesEveryElementStoppedButAFailedOneKeepsItsReason() {
        ElementStatuses statuses = new ElementStatuses(embedded);
        statuses.report("central", NodeStatus.State.RUNNING, "listening on 1884");
        statuses.report("bridge-broker-1", NodeStatus.State.STARTING, "");
        statuses.report("bridge-broker-2", NodeStatus.State.FAILED, "port 1885 is in use");
        statuses.report("bridge-broker-3", NodeStatus.State.STOPPED, "stopped by the user");

        statuses.stopRemaining();

        assertThat(statuses.all().values()).extracting(NodeStatus::elementId, NodeStatus::state, NodeStatus::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("central", NodeStatus.State.STOPPED, "the run was stopped"),
                        org.assertj.core.groups.Tuple.tuple("bridge-broker-1", NodeStatus.State.STOPPED,
                                "the run was stopped"),
                        org.assertj.core.groups.Tuple.tuple("bridge-broker-2", NodeStatus.State.FAILED,
                                "port 1885 is in use"),
                        org.assertj.core.groups.Tuple.tuple("bridge-broker-3", NodeStatus.State.STOPPED,
                                "stopped by the user"));
    }
}

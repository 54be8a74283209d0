package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/**
 * {@link TopologyRunner#startAsync()} and {@link TopologyRunner#stopAsync()} on the challenge: the caller is never
 * blocked, progress comes per element through the status feed, and a stop right after the start (while it is still
 * in progress) halts it, stops what started and releases every port.
 */
class AsyncRunTest {
    private static final long WAIT_S = 60;
    private final Topology challenge = Samples.load("challenge");

    @Test
    void anAsyncStartReportsEachElementAndAnAsyncStopReleasesEveryPort() throws Exception {
        TopologyRunner runner = TopologyRunner.create(challenge,
                RunOptions.defaults().withPortOffset(ChallengeRunTest.freeOffset(challenge)));
        EventFeed.Subscription<NodeStatus> feed = runner.statusFeed().subscribe(10_000);
        CompletableFuture<Void> started = runner.startAsync();
        started.get(WAIT_S, TimeUnit.SECONDS);
        List<NodeStatus> events = new ArrayList<>(feed.poll(10_000));
        for (Broker broker : challenge.brokers()) {
            assertThat(events).filteredOn(s -> s.elementId().equals(broker.id())).extracting(NodeStatus::state)
                    .as(broker.id()).containsSubsequence(NodeStatus.State.STARTING, NodeStatus.State.RUNNING);
        }
        assertThat(events).filteredOn(s -> s.elementId().equals("humidity-subscriber")).extracting(NodeStatus::state)
                .startsWith(NodeStatus.State.STARTING);
        assertThatThrownBy(runner::startAsync).isInstanceOf(IllegalStateException.class);

        CompletableFuture<Void> stopped = runner.stopAsync();
        CompletableFuture<Void> again = runner.stopAsync();
        stopped.get(WAIT_S, TimeUnit.SECONDS);
        again.get(WAIT_S, TimeUnit.SECONDS);
        events.addAll(feed.poll(10_000));
        for (Broker broker : challenge.brokers()) {
            assertThat(events).filteredOn(s -> s.elementId().equals(broker.id())).extracting(NodeStatus::state)
                    .as(broker.id()).endsWith(NodeStatus.State.STOPPED);
        }
        assertEveryPortRefuses(runner);
        assertThat(runner.statuses().values()).allSatisfy(s -> assertThat(s.state()).as(s.elementId())
                .isIn(NodeStatus.State.STOPPED, NodeStatus.State.FAILED));
    }

    @Test
    void aStopRightAfterTheStartHaltsItAndReleasesEveryPort() throws Exception {
        TopologyRunner runner = TopologyRunner.create(challenge,
                RunOptions.defaults().withPortOffset(ChallengeRunTest.freeOffset(challenge)));
        CompletableFuture<Void> started = runner.startAsync();
        CompletableFuture<Void> stopped = runner.stopAsync();

        stopped.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(started).isDone();
        assertThatThrownBy(started::join).isInstanceOf(CancellationException.class);
        assertEveryPortRefuses(runner);
        assertThat(runner.statuses().values()).allSatisfy(s -> assertThat(s.state()).as(s.elementId())
                .isIn(NodeStatus.State.STOPPED, NodeStatus.State.FAILED));
        assertThat(runner.status("publisher2")).as("the start halted before the publishers").isEmpty();
        assertThatThrownBy(runner::startAsync).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> runner.startBroker("central")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the run is stopping: Central stays down");
    }

    /** Every node port and every first internal port of the run: nobody listens any more. */
    private static void assertEveryPortRefuses(TopologyRunner runner) {
        for (Broker broker : runner.topology().brokers()) {
            for (Listener listener : broker.listeners()) {
                assertRefuses(runner.ports().nodePort(listener));
                assertRefuses(runner.ports().internalPorts(broker).get(listener));
            }
        }
    }

    private static void assertRefuses(int port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(0);
            }
        }).as("port %d", port).isInstanceOf(ConnectException.class);
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketType;

/**
 * Two independent brokers, one of whose ports is taken before the run: that one fails with the
 * port's number, the other runs and delivers; garbage sent to the running one's tap is reported as
 * MALFORMED and neither the tap nor the broker notices; a cut subscriber link and a restarted
 * broker heal; a broker's latency delays its connections until it is set to zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunFailuresTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int DESIGNED = 1883;

    private final Topology topology = Topology.of("two islands",
            List.of(Broker.simple("up", "Up", DESIGNED, true, null),
                    Broker.simple("taken", "Taken", DESIGNED + 1, true, null)),
            List.of(), List.of(),
            List.of(publisher("pub-up", "up"), publisher("pub-taken", "taken")),
            List.of(subscriber("sub-up", "up"), subscriber("sub-taken", "taken")));
    private ServerSocket occupant;
    private TopologyRunner runner;
    private int offset;

    private static Publisher publisher(String id, String broker) {
        return new Publisher(id, null, broker, ClientSettings.of(id), "t/" + broker, "m{seq}", 100, 0, 1, false, null);
    }

    private static Subscriber subscriber(String id, String broker) {
        return new Subscriber(id, null, broker, ClientSettings.of(id), List.of(new Subscription("t/#", 1)), null);
    }

    @BeforeAll
    void start() throws IOException {
        offset = ChallengeRunTest.freeOffset(topology);
        occupant = new ServerSocket();
        occupant.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), DESIGNED + 1 + offset));
        runner = TopologyRunner.start(topology, RunOptions.defaults().withPortOffset(offset));
    }

    @AfterAll
    void stop() throws IOException {
        if (runner != null) {
            runner.stop();
        }
        occupant.close();
    }

    @Test
    @Order(1)
    void aTakenPortFailsItsNodeOnlyAndTheOthersDeliver() {
        assertThat(runner.status("taken")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(NodeStatus.State.FAILED);
            assertThat(s.message()).isEqualTo("port " + (DESIGNED + 1 + offset) + " is in use");
        });
        assertState("up", NodeStatus.State.RUNNING);
        await().atMost(WAIT).until(() -> runner.deliveries().stream()
                .filter(d -> d.subscriberId().equals("sub-up")).count() >= 3);
        assertThat(runner.deliveries()).noneMatch(d -> d.subscriberId().equals("sub-taken"));
        assertThat(runner.status("sub-taken")).hasValueSatisfying(s ->
                assertThat(s.state()).isNotEqualTo(NodeStatus.State.RUNNING));
    }

    @Test
    @Order(2)
    void garbageAtATapIsMalformedAndTheBrokerStaysUp() throws IOException {
        int port = DESIGNED + offset;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x02});
            out.flush();
            await().atMost(WAIT).until(() -> ChallengeRunTest.packets(runner).stream()
                    .anyMatch(e -> e.type() == PacketType.MALFORMED && e.node().equals("up")));
        }
        long before = runner.deliveries().size();
        await().atMost(WAIT).until(() -> runner.deliveries().size() >= before + 3);
        try (Socket again = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(again.isConnected()).isTrue();
        }
        assertState("up", NodeStatus.State.RUNNING);
    }

    @Test
    @Order(3)
    void aCutLinkStopsDeliveryUntilRestored() {
        runner.cutLink("sub-up");
        assertState("sub-up", NodeStatus.State.FAILED);
        // messages already on their way may still arrive; then none for a while (one every 100 ms otherwise)
        AtomicLong last = new AtomicLong(-1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(800))
                .until(() -> last.getAndSet(received("sub-up")) == received("sub-up"));
        long atCut = last.get();

        runner.restoreLink("sub-up");
        await().atMost(WAIT).until(() -> received("sub-up") >= atCut + 3);
        assertState("sub-up", NodeStatus.State.RUNNING);
    }

    @Test
    @Order(4)
    void aStoppedBrokerStartsAgainAsANewInstance() {
        runner.stopBroker("up").join();
        assertState("up", NodeStatus.State.STOPPED);
        long whileDown = received("sub-up");

        runner.startBroker("up").join();
        assertThat(runner.status("up")).hasValueSatisfying(s -> assertThat(s.state()).as(s.message())
                .isEqualTo(NodeStatus.State.RUNNING));
        await().atMost(WAIT).until(() -> received("sub-up") >= whileDown + 3);
    }

    @Test
    @Order(5)
    void aBrokersLatencyDelaysEveryConnectionUntilItIsSetToZero() {
        Duration latency = Duration.ofMillis(800);
        runner.setLatency("up", latency);
        assertThat(roundTrip()).as("publish in, delivery out: the latency twice")
                .isGreaterThanOrEqualTo(latency.multipliedBy(2));
        runner.setLatency("up", Duration.ZERO);
        assertThat(roundTrip()).isLessThan(latency.multipliedBy(2));
    }

    /** From a QoS 0 publish until its delivery to the same outside client, through the tap of "up". */
    private Duration roundTrip() {
        try (TestClient client = TestClient.connect(DESIGNED + offset)) {
            client.subscribe("probe/#", 0);
            long start = System.nanoTime();
            client.publish("probe/x", "ping", 0);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> client.received().contains("probe/x=ping"));
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private void assertState(String elementId, NodeStatus.State state) {
        assertThat(runner.status(elementId)).hasValueSatisfying(s -> assertThat(s.state()).as(s.message())
                .isEqualTo(state));
    }

    private long received(String subscriberId) {
        return runner.deliveries().stream().filter(d -> d.subscriberId().equals(subscriberId)).count();
    }
}

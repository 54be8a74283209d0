package org.mqttstudio.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FlowFeed}: its thread correlates the packets handed to it and hands flows to readers. */
class FlowFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final FlowFeed feed = new FlowFeed(new FlowCorrelator());

    @AfterEach
    void close() {
        feed.close();
    }

    private static PacketEvent packet(int ms, long connection, PacketDirection direction, PacketType type,
            int packetId, int qos, String payload) {
        boolean publish = type == PacketType.PUBLISH;
        return new PacketEvent(T0.plusMillis(ms), "A", connection, new InetSocketAddress("127.0.0.1", 40000), 1883,
                "c" + connection, direction, type, packetId, qos, false, false, publish ? "t" : null,
                publish ? payload.getBytes(UTF_8) : null, List.of(), List.of(), List.of(), 4, 10, new byte[10], null);
    }

    /** A QoS 1 message from connection 1 into A, delivered to connection 2, both acknowledged. */
    private void qos1Message(int ms, int packetId, String payload) {
        feed.accept(packet(ms, 1, PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, packetId, 1, payload));
        feed.accept(packet(ms + 1, 2, PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH, packetId, 1, payload));
        feed.accept(packet(ms + 2, 2, PacketDirection.CLIENT_TO_BROKER, PacketType.PUBACK, packetId, 0, null));
        feed.accept(packet(ms + 3, 1, PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK, packetId, 0, null));
    }

    @Test
    void aReaderGetsEachFlowOnceWithItsNewestStateWhenItReadsAfterTheFlowChanged() {
        feed.start();
        try (FlowReader reader = feed.reader(100)) {
            qos1Message(0, 1, "one");
            feed.close(); // correlates all four packets and hands out their flow before it returns
            List<MessageFlow> flows = reader.poll(10);
            assertThat(flows).hasSize(1);
            assertThat(flows.get(0).complete()).isTrue();
            assertThat(flows.get(0).hops()).extracting(FlowHop::connectionId).containsExactly(1L, 2L);
            assertThat(reader.poll(10)).isEmpty();
            assertThat(reader.lostCount()).isZero();
        }
    }

    @Test
    void aReaderFallingBehindLosesTheOldestFlowsAndCountsThem() {
        feed.start();
        try (FlowReader reader = feed.reader(3)) {
            for (int i = 0; i < 5; i++) {
                qos1Message(i * 10, i + 1, "m" + i);
            }
            feed.close();
            assertThat(reader.poll(10)).extracting(MessageFlow::payloadText).containsExactly("m2", "m3", "m4");
            assertThat(reader.lostCount()).isEqualTo(2);
        }
    }

    @Test
    void aReaderSeesChangesAsTheyComeAndNothingAfterItIsClosed() {
        feed.start();
        FlowReader reader = feed.reader(100);
        feed.accept(packet(0, 1, PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, 1, 1, "x"));
        List<MessageFlow> seen = new ArrayList<>();
        await().atMost(WAIT).until(() -> seen.addAll(reader.poll(10)));
        assertThat(seen).singleElement().satisfies(f -> assertThat(f.complete()).isFalse());
        feed.accept(packet(1, 1, PacketDirection.BROKER_TO_CLIENT, PacketType.PUBACK, 1, 0, null));
        await().atMost(WAIT).until(() -> seen.addAll(reader.poll(10)));
        assertThat(seen).extracting(MessageFlow::id).containsExactly(1L, 1L);
        assertThat(seen.get(1).complete()).isTrue();
        reader.close();
        qos1Message(10, 2, "after");
        await().atMost(WAIT).until(() -> feed.snapshot().size() == 2);
        assertThat(reader.poll(10)).isEmpty();
    }

    @Test
    void closeCorrelatesWhatWasRecordedBeforeItAndEndsTheThread() {
        feed.start();
        qos1Message(0, 1, "last");
        feed.close();
        assertThat(feed.snapshot()).singleElement().satisfies(f -> assertThat(f.complete()).isTrue());
        assertThatThrownBy(feed::start).isInstanceOf(IllegalStateException.class);
    }
}

package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private static SequencedPacket packet(long sequence, String node, int millis) {
        return new SequencedPacket(sequence, new PacketEvent(T0.plusMillis(millis), node, 1,
                new InetSocketAddress("127.0.0.1", 40000), 1883, "c", PacketDirection.CLIENT_TO_BROKER,
                PacketType.PUBLISH, 1, 1, false, false, "t", new byte[] {1}, List.of(), List.of(), List.of(), 4, 10,
                new byte[10], null));
    }

    @Test
    void packetsRecordedOutOfOrderAreHandedOnByTheirTimeOnceHeldLongEnough() {
        List<String> out = new ArrayList<>();
        TimeOrder order = new TimeOrder(e -> out.add(e.node() + "@" + (e.time().toEpochMilli() - T0.toEpochMilli())));
        order.add(packet(0, "b", 5)); // the bridge's PUBLISH, recorded first
        order.add(packet(1, "a", 2)); // the publisher's, decoded later by its tap
        order.add(packet(2, "a", 5)); // same time as the first: recording order decides
        order.release(T0.plusMillis(5).plus(TimeOrder.HOLD));
        assertThat(out).containsExactly("a@2");
        order.release(T0.plusMillis(6).plus(TimeOrder.HOLD));
        assertThat(out).containsExactly("a@2", "b@5", "a@5");

        order.add(packet(3, "c", 1_000));
        order.releaseAll();
        assertThat(out).endsWith("c@1000");
        assertThat(order.size()).isZero();
    }
}

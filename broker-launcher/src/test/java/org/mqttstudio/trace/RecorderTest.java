package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecorderTest {

    static PacketEvent event(long connectionId) {
        return new PacketEvent(Instant.now(), "b1", connectionId, new InetSocketAddress("127.0.0.1", 40000), 1883,
                "c", PacketDirection.CLIENT_TO_BROKER, PacketType.PINGREQ, null, 0, false, false, null, null,
                List.of(), List.of(), List.of(), 4, 2, new byte[] {(byte) 0xc0, 0}, null);
    }

    @Test
    void keepsTheLatestEventsUpToItsCapacityOldestFirst() {
        Recorder recorder = new Recorder(5);
        LongStream.rangeClosed(1, 12).forEach(i -> recorder.accept(event(i)));

        assertThat(recorder.snapshot()).extracting(PacketEvent::connectionId).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(recorder.appendedCount()).isEqualTo(12);
        assertThat(recorder.capacity()).isEqualTo(5);
        assertThat(new Recorder().capacity()).isEqualTo(200_000);
    }

    @Test
    void subscribersDrainTheirOwnBoundedQueueAndCountDrops() {
        Recorder recorder = new Recorder(100);
        recorder.accept(event(0));
        Recorder.Subscription subscription = recorder.subscribe(3);
        LongStream.rangeClosed(1, 5).forEach(i -> recorder.accept(event(i)));

        assertThat(subscription.poll(2)).extracting(PacketEvent::connectionId).containsExactly(1L, 2L);
        assertThat(subscription.poll(10)).extracting(PacketEvent::connectionId).containsExactly(3L);
        assertThat(subscription.poll(10)).isEmpty();
        assertThat(subscription.droppedCount()).isEqualTo(2);

        recorder.accept(event(6));
        assertThat(subscription.poll(10)).extracting(PacketEvent::connectionId).containsExactly(6L);
        subscription.close();
        recorder.accept(event(7));
        assertThat(subscription.poll(10)).isEmpty();
    }

    @Test
    void appendingNeverWaitsForAStalledSubscriberEvenFromManyThreads() {
        Recorder recorder = new Recorder(1_000);
        Recorder.Subscription stalled = recorder.subscribe(10);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread writer = new Thread(() -> LongStream.range(0, 100_000).forEach(i -> recorder.accept(event(i))));
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        });
        assertThat(recorder.appendedCount()).isEqualTo(400_000);
        assertThat(recorder.snapshot()).hasSize(1_000);
        assertThat(stalled.poll(100)).hasSize(10);
        assertThat(stalled.droppedCount()).isEqualTo(400_000 - 10);
    }

    @Test
    void clearEmptiesTheSnapshotAndRecordingGoesOn() {
        Recorder recorder = new Recorder(5);
        LongStream.rangeClosed(1, 3).forEach(i -> recorder.accept(event(i)));
        recorder.clear();
        assertThat(recorder.snapshot()).isEmpty();
        recorder.accept(event(4));
        assertThat(recorder.snapshot()).extracting(PacketEvent::connectionId).containsExactly(4L);
    }

    @Test
    void rejectsAZeroCapacity() {
        assertThatThrownBy(() -> new Recorder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

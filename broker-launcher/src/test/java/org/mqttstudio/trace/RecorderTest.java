package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    void aSubscriberReadsWhatIsNewAndLosesTheOldestBeyondItsBacklog() {
        Recorder recorder = new Recorder(100);
        recorder.accept(event(0));
        Recorder.Subscription subscription = recorder.subscribe(3);
        LongStream.rangeClosed(1, 5).forEach(i -> recorder.accept(event(i)));

        assertThat(subscription.poll(2)).extracting(PacketEvent::connectionId).containsExactly(3L, 4L);
        assertThat(subscription.poll(10)).extracting(PacketEvent::connectionId).containsExactly(5L);
        assertThat(subscription.poll(10)).isEmpty();
        assertThat(subscription.droppedCount()).isEqualTo(2);

        recorder.accept(event(6));
        assertThat(subscription.poll(10)).extracting(PacketEvent::connectionId).containsExactly(6L);
        subscription.close();
        recorder.accept(event(7));
        assertThat(subscription.poll(10)).isEmpty();
    }

    @Test
    void aSubscriberSlowerThanTheRingLosesWhatTheRingDropped() {
        Recorder recorder = new Recorder(4);
        Recorder.Subscription subscription = recorder.subscribe(1_000);
        LongStream.rangeClosed(1, 10).forEach(i -> recorder.accept(event(i)));

        assertThat(subscription.poll(100)).extracting(PacketEvent::connectionId).containsExactly(7L, 8L, 9L, 10L);
        assertThat(subscription.droppedCount()).isEqualTo(6);
    }

    @Test
    void keepsTheLatestEventsWithinItsByteBudgetAndAHugeOneWhole() {
        int budget = 16 * 1024;
        Recorder recorder = new Recorder(1_000, budget);
        Random random = new Random(7);
        List<PacketEvent> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            PacketEvent event = publish(i, new byte[random.nextInt(i % 100 == 99 ? 3_000 : 300)]);
            all.add(event);
            recorder.accept(event);

            List<PacketEvent> kept = recorder.snapshot();
            assertThat(kept.get(kept.size() - 1).connectionId()).isEqualTo(i);
            long keptBytes = kept.stream().mapToLong(RecorderTest::written).sum();
            assertThat(keptBytes).isLessThanOrEqualTo(budget);
            int firstKept = (int) kept.get(0).connectionId();
            assertThat(kept).extracting(PacketEvent::connectionId)
                    .containsExactlyElementsOf(LongStream.rangeClosed(firstKept, i).boxed().toList());
            if (firstKept > 0) { // the one before did not fit any more
                assertThat(keptBytes + written(all.get(firstKept - 1))).isGreaterThan(budget);
            }
        }
        PacketEvent huge = publish(5_000, new byte[budget]);
        recorder.accept(huge);
        assertThat(recorder.snapshot()).singleElement().usingRecursiveComparison().isEqualTo(huge);
        recorder.accept(publish(5_001, new byte[10]));
        assertThat(recorder.snapshot()).extracting(PacketEvent::connectionId).containsExactly(5_001L);
    }

    private static PacketEvent publish(long connectionId, byte[] payload) {
        byte[] raw = new byte[payload.length + 9];
        System.arraycopy(payload, 0, raw, 9, payload.length);
        return new PacketEvent(Instant.now(), "b1", connectionId, new InetSocketAddress("127.0.0.1", 40000), 1883,
                "c", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, null, 0, false, false, "t/x", payload,
                List.of(), List.of(), List.of(), 4, raw.length, raw, null);
    }

    private static long written(PacketEvent event) {
        PacketEventCodec.Output out = new PacketEventCodec.Output();
        PacketEventCodec.write(event, out);
        return out.length();
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
    void aReaderPollingWhileManyThreadsAppendSeesEachWritersEventsInOrderAndCountsWhatItLost() throws Exception {
        Recorder recorder = new Recorder(5_000, 64 * 1024);
        Recorder.Subscription reader = recorder.subscribe(2_000);
        List<Long> seen = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            long base = w * 1_000_000L;
            Thread writer = new Thread(() -> LongStream.range(0, 50_000).forEach(i -> recorder.accept(event(base + i))));
            writers.add(writer);
            writer.start();
        }
        while (writers.stream().anyMatch(Thread::isAlive)) {
            reader.poll(500).forEach(e -> seen.add(e.connectionId()));
            recorder.snapshot(); // a reader of the whole ring meanwhile
        }
        for (List<PacketEvent> batch = reader.poll(500); !batch.isEmpty(); batch = reader.poll(500)) {
            batch.forEach(e -> seen.add(e.connectionId()));
        }

        assertThat(seen.size() + reader.droppedCount()).isEqualTo(200_000);
        for (int w = 0; w < 4; w++) {
            long base = w * 1_000_000L;
            List<Long> ofWriter = seen.stream().filter(id -> id / 1_000_000L == base / 1_000_000L).toList();
            assertThat(ofWriter).isSorted().doesNotHaveDuplicates();
        }
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
        assertThatThrownBy(() -> new Recorder(10, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recorder(10).subscribe(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

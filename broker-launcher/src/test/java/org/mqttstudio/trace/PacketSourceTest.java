package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketSourceTest {
    private static PacketEvent event(int id) {
        return new PacketEvent(Instant.now(), "b1", 1, new InetSocketAddress("127.0.0.1", 40000), 1883, "c1",
                PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, id, 1, false, false, "t", new byte[] {1},
                List.of(), List.of(), List.of(), 4, 10, new byte[10], null);
    }

    @Test
    void readerSeesSequenceNumbersAndWhereItLostPackets() {
        Recorder recorder = new Recorder(1_000);
        PacketSource source = recorder.view();
        recorder.accept(event(1)); // before the reader: not for it
        try (PacketReader reader = source.reader(3)) {
            for (int i = 2; i <= 7; i++) {
                recorder.accept(event(i));
            }
            List<TraceEntry> entries = reader.poll(10);
            assertThat(entries).first().isEqualTo(new PacketGap(1, 4));
            assertThat(entries.subList(1, entries.size())).extracting(TraceEntry::sequence).containsExactly(4L, 5L, 6L);
            assertThat(((SequencedPacket) entries.get(1)).event().packetId()).isEqualTo(5);
            assertThat(reader.lostCount()).isEqualTo(3);
            recorder.accept(event(8));
            assertThat(reader.poll(10)).extracting(TraceEntry::sequence).containsExactly(7L);
        }
        assertThat(source.recordedCount()).isEqualTo(8);
        assertThat(source.snapshot()).extracting(SequencedPacket::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void theViewCannotWrite() {
        assertThat(new Recorder().view()).isNotInstanceOf(java.util.function.Consumer.class);
    }
}

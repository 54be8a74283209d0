package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PacketEventCodecTest {

    static List<PacketEvent> events() {
        Instant time = Instant.parse("2026-11-25T20:15:30.123456789Z");
        byte[] publishRaw = {0x32, 0x0b, 0, 3, 'a', '/', 'b', 0, 7, 'h', (byte) 0xc3, (byte) 0xa9,
                '!'};
        byte[] willRaw = {0x10, 0x05, 1, 2, 3, 4, 5};
        return List.of(
                new PacketEvent(time, "central", 3, new InetSocketAddress("127.0.0.1", 40123), 1886, "pub-1",
                        PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH, 7, 1, true, true, "a/b",
                        new byte[] {'h', (byte) 0xc3, (byte) 0xa9, '!'}, List.of(), List.of(),
                        List.of(new PacketProperty("TOPIC_ALIAS", "2")), 5, publishRaw.length, publishRaw, null),
                new PacketEvent(time, "b1", 1, new InetSocketAddress("::1", 5), 1884, "bridge-ü",
                        PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT, null, 0, false, false, "last/will",
                        "gone".getBytes(StandardCharsets.UTF_8), List.of(), List.of(),
                        List.of(new PacketProperty("keep-alive", "60"), new PacketProperty("username", "ann")), 4,
                        willRaw.length, willRaw, null),
                new PacketEvent(time, "b1", 2, InetSocketAddress.createUnresolved("some-host", 9), 1884, null,
                        PacketDirection.CLIENT_TO_BROKER, PacketType.SUBSCRIBE, 65535, 1, false, false, null, null,
                        List.of(), List.of(new TopicFilter("srv/#", 2), new TopicFilter("$SYS/+", null)), List.of(),
                        null, 4, new byte[] {(byte) 0x82, 2, 0, 1}, null),
                new PacketEvent(time, "b2", 9, new InetSocketAddress("127.0.0.1", 1), 1885, "sub",
                        PacketDirection.BROKER_TO_CLIENT, PacketType.SUBACK, 1, 0, false, false, null, null,
                        List.of(0, 1, 128), List.of(), List.of(), 4, 7, new byte[] {(byte) 0x90, 5, 0, 1, 0, 1,
                        (byte) 0x80}, null),
                new PacketEvent(time, "b2", 10, new InetSocketAddress("127.0.0.1", 2), 1885, null,
                        PacketDirection.CLIENT_TO_BROKER, PacketType.MALFORMED, null, 0, false, false, null, null,
                        List.of(), List.of(), List.of(), null, 3, new byte[] {(byte) 0xf0, 1, 2},
                        "remaining length longer than 4 bytes"),
                new PacketEvent(time, "b2", 11, new InetSocketAddress("127.0.0.1", 2), 1885, "x",
                        PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH, null, 0, false, false, "",
                        new byte[0], List.of(), List.of(), List.of(), 4, 100_000, new byte[] {0x30, 2, 0, 0},
                        null),
                new PacketEvent(time, "b3", 12, new InetSocketAddress("127.0.0.1", 3), 9001, Transport.WEBSOCKET,
                        "browser", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH, 4, 1, false, false, "a/b",
                        new byte[] {'h', (byte) 0xc3, (byte) 0xa9, '!'}, List.of(), List.of(), List.of(), 4,
                        publishRaw.length, publishRaw, null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsBackEveryFieldItWrote(PacketEvent event) {
        PacketEventCodec.Output out = new PacketEventCodec.Output();
        out.putInt(0xdeadbeef); // an event need not start at offset 0
        PacketEventCodec.write(event, out);

        PacketEvent back = PacketEventCodec.read(out.buffer(), 4);

        assertThat(back).usingRecursiveComparison().isEqualTo(event);
        assertThat(back.clientAddress().isUnresolved()).isEqualTo(event.clientAddress().isUnresolved());
    }

    @ParameterizedTest
    @MethodSource("events")
    void theRecorderHandsBackWhatItWasGiven(PacketEvent event) {
        Recorder recorder = new Recorder(3, 1024);
        Recorder.Subscription subscription = recorder.subscribe();
        recorder.accept(event);

        assertThat(recorder.snapshot()).singleElement().usingRecursiveComparison().isEqualTo(event);
        assertThat(subscription.poll(5)).singleElement().usingRecursiveComparison().isEqualTo(event);
    }
}

package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tap's decoding thread: arrival order, a bound in bytes, and what a stream given up reports. */
class TapDecoderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void runsWorkInArrivalOrderAndRefusesBytesBeyondItsBoundUntilTheyAreDecoded() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (TapDecoder decoder = new TapDecoder("n", 100)) {
            decoder.submit(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS); // holds the thread while the queue fills
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(decoder.offer(60, () -> done.add("first"))).isTrue();
            assertThat(decoder.offer(40, () -> done.add("second"))).isTrue();
            assertThat(decoder.offer(1, () -> done.add("too much"))).as("101 bytes queued").isFalse();
            decoder.submit(() -> done.add("end")); // holds no bytes: never refused

            release.countDown();
            await().atMost(WAIT).until(() -> done.size() == 3);
            assertThat(done).containsExactly("first", "second", "end");
            assertThat(decoder.offer(100, () -> done.add("fits again"))).isTrue();
            await().atMost(WAIT).until(() -> done.size() == 4);
        }
    }

    @Test
    void aStreamGivenUpSaysWhyOnceAndDecodesNothingAfter() {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttStreamDecoder stream = new MqttStreamDecoder(new MqttStreamDecoder.Listener() {
            @Override
            public void packet(MqttMessage message, byte[] raw, Instant time) {
                seen.add(message.fixedHeader().messageType().name());
            }

            @Override
            public void malformed(byte[] raw, String error, Instant time) {
                seen.add("MALFORMED " + error);
            }
        });
        byte[] ping = {(byte) 0xc0, 0x00};

        stream.feed(ping, Instant.now());
        stream.abandon(2_000, "the tap's decoder fell behind", Instant.now());
        stream.feed(ping, Instant.now());
        stream.end();

        assertThat(seen).containsExactly("PINGREQ",
                "MALFORMED the tap's decoder fell behind; 2000 bytes and all after them are not decoded");
    }
}

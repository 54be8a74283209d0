package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttStreamDecoderTest {
    private final List<String> seen = new ArrayList<>();
    private final List<byte[]> raws = new ArrayList<>();
    private final MqttStreamDecoder decoder = new MqttStreamDecoder(new MqttStreamDecoder.Listener() {
        @Override
        public void packet(MqttMessage message, byte[] raw, Instant time) {
            seen.add(message.fixedHeader().messageType().name());
            raws.add(raw);
        }

        @Override
        public void malformed(byte[] raw, String error, Instant time) {
            seen.add("MALFORMED");
            raws.add(raw);
        }
    });

    private static byte[] encode(MqttMessage message) {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(message);
        ByteBuf out = encoder.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        encoder.finishAndReleaseAll();
        return bytes;
    }

    private static byte[] publish(int payloadSize) {
        return encode(MqttMessageBuilders.publish().topicName("a/b").qos(MqttQoS.AT_LEAST_ONCE).messageId(7)
                .payload(Unpooled.wrappedBuffer(new byte[payloadSize])).build());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private void feedInChunks(byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(i + chunk, bytes.length)), Instant.now());
        }
    }

    @Test
    void packetsSplitAcrossChunksAndSeveralInOneChunkComeOutWhole() {
        byte[] ping = {(byte) 0xc0, 0x00};
        byte[] big = publish(300); // a two-byte remaining length
        byte[] stream = concat(ping, big, ping, publish(0));

        feedInChunks(stream, 1);
        feedInChunks(stream, 1_000);

        assertThat(seen).containsExactly("PINGREQ", "PUBLISH", "PINGREQ", "PUBLISH",
                "PINGREQ", "PUBLISH", "PINGREQ", "PUBLISH");
        assertThat(raws.get(1)).isEqualTo(big);
    }

    @Test
    void decodingGoesOnAfterAPacketTheDecoderRejects() {
        byte[] reservedType = {0x00, 0x01, 0x55};
        byte[] ping = {(byte) 0xc0, 0x00};

        feedInChunks(concat(reservedType, ping), 64);

        assertThat(seen).containsExactly("MALFORMED", "PINGREQ");
        assertThat(raws.get(0)).isEqualTo(reservedType);
    }

    @Test
    void aBrokenLengthLosesTheFramingAndTheRestIsMalformed() {
        feedInChunks(new byte[] {0x30, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}, 64);
        feedInChunks(new byte[] {(byte) 0xc0, 0x00}, 64);

        assertThat(seen).containsExactly("MALFORMED", "MALFORMED");
    }

    @Test
    void anUnfinishedPacketAtTheEndIsMalformed() {
        feedInChunks(new byte[] {0x30, 0x10, 0x00}, 64);
        assertThat(seen).isEmpty();

        decoder.end();

        assertThat(seen).containsExactly("MALFORMED");
        assertThat(raws.get(0)).containsExactly(0x30, 0x10, 0x00);
    }
}

package org.mqttstudio.trace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;

/**
 * Decodes one direction of an MQTT byte stream from copies of its bytes.
 *
 * <p>It cuts the stream into packets itself (fixed header + remaining length) so that each event can carry its
 * exact wire bytes, and hands each packet to Netty's {@link MqttDecoder}. A packet the decoder rejects is reported
 * as malformed and decoding goes on with the next one (the decoder is replaced, since a failed one ignores all
 * further input). A broken length field loses the packet boundaries for good: from then on every chunk is
 * reported as malformed. Not thread-safe: one thread at a time (the tap's {@link TapDecoder}) calls it.
 */
final class MqttStreamDecoder implements StreamDecoder {
    /** MQTT's largest packet: 1 type byte, 4 length bytes, 268 435 455 bytes remaining. */
    static final int MAX_PACKET_BYTES = 1 + 4 + 268_435_455;

    /** MQTT 3.1 limits client ids to 23 bytes, but brokers (and bridges' generated ids) go far beyond. */
    private static final int MAX_CLIENT_ID_LENGTH = 65_535;

    /** The channel attribute Netty's MQTT codec reads the protocol version from (NOTES: "Seeing every packet"). */
    private static final AttributeKey<MqttVersion> VERSION_KEY = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    interface Listener {
        /** A decoded packet whose last byte arrived at {@code time}; the message is released after this returns. */
        void packet(MqttMessage message, byte[] raw, Instant time);

        void malformed(byte[] raw, String error, Instant time);
    }

    private final Listener listener;
    private final ByteBuf pending = Unpooled.buffer();
    private EmbeddedChannel decoder;
    private MqttVersion version;
    private boolean lostFraming;
    private boolean ended;
    private Instant time = Instant.EPOCH;

    MqttStreamDecoder(Listener listener) {
        this.listener = listener;
        this.decoder = newDecoder();
    }

    /** Tells the decoder the protocol version (read from the connection's CONNECT). */
    void protocolVersion(MqttVersion version) {
        this.version = version;
        decoder.attr(VERSION_KEY).set(version);
    }

    @Override
    public void feed(byte[] chunk, Instant arrived) {
        if (ended) {
            return;
        }
        time = arrived;
        if (lostFraming) {
            listener.malformed(chunk, "packet boundaries lost after an earlier bad length", time);
            return;
        }
        pending.writeBytes(chunk);
        while (!lostFraming && decodeOnePacket()) {
            // keep going while complete packets are buffered
        }
        pending.discardSomeReadBytes();
    }

    /**
     * Gives the rest of the stream up ({@code skipped} bytes could not be decoded, e.g. the tap's decoder fell too
     * far behind): one malformed event says why, and nothing after it is decoded.
     */
    @Override
    public void abandon(int skipped, String why, Instant arrived) {
        if (ended) {
            return;
        }
        listener.malformed(new byte[0], why + "; " + skipped + " bytes and all after them are not decoded", arrived);
        end();
    }

    /** The stream ended: bytes of an unfinished packet are reported as malformed. */
    @Override
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (pending.isReadable()) {
            byte[] rest = new byte[pending.readableBytes()];
            pending.readBytes(rest);
            listener.malformed(rest, "stream ended inside a packet", time);
        }
        pending.release();
        decoder.finishAndReleaseAll();
    }

    private boolean decodeOnePacket() {
        int start = pending.readerIndex();
        int readable = pending.readableBytes();
        int remaining = 0;
        int multiplier = 1;
        int headerLength = 1;
        while (true) {
            if (headerLength >= readable) {
                return false;
            }
            int b = pending.getUnsignedByte(start + headerLength);
            headerLength++;
            remaining += (b & 0x7f) * multiplier;
            if ((b & 0x80) == 0) {
                break;
            }
            if (headerLength == 5) {
                lostFraming = true;
                byte[] rest = new byte[readable];
                pending.readBytes(rest);
                listener.malformed(rest, "remaining length longer than 4 bytes", time);
                return false;
            }
            multiplier *= 128;
        }
        long packetLength = (long) headerLength + remaining;
        if (readable < packetLength) {
            return false;
        }
        byte[] raw = new byte[(int) packetLength];
        pending.readBytes(raw);
        decode(raw);
        return true;
    }

    /**
     * Where the protocol level byte of a CONNECT is, or -1 if {@code raw} is no CONNECT. Bridges (mosquitto's
     * {@code try_private}) set its top bit, which Netty's decoder rejects.
     */
    static int connectLevelOffset(byte[] raw) {
        if ((raw[0] & 0xf0) != 0x10) {
            return -1;
        }
        int header = 1;
        while (header < raw.length && (raw[header] & 0x80) != 0) {
            header++;
        }
        int nameLengthAt = header + 1;
        if (nameLengthAt + 1 >= raw.length) {
            return -1;
        }
        int levelAt = nameLengthAt + 2 + ((raw[nameLengthAt] & 0xff) << 8 | (raw[nameLengthAt + 1] & 0xff));
        return levelAt < raw.length ? levelAt : -1;
    }

    /** True for the CONNECT of a bridge that announces itself as one. */
    static boolean isBridgeConnect(byte[] raw) {
        int levelAt = connectLevelOffset(raw);
        return levelAt >= 0 && (raw[levelAt] & 0x80) != 0;
    }

    private void decode(byte[] raw) {
        Object out = null;
        try {
            byte[] decodable = raw;
            if (isBridgeConnect(raw)) {
                decodable = raw.clone();
                decodable[connectLevelOffset(raw)] &= 0x7f;
            }
            // not writeInbound: its per-call flush and task run cost more than the decoding of a small packet
            decoder.pipeline().fireChannelRead(Unpooled.wrappedBuffer(decodable));
            decoder.checkException();
            out = decoder.readInbound();
            if (out instanceof MqttMessage message && message.decoderResult().isSuccess()) {
                listener.packet(message, raw, time);
                return;
            }
            String error = out instanceof MqttMessage message
                    ? String.valueOf(message.decoderResult().cause().getMessage())
                    : "the decoder produced no packet";
            replaceDecoder();
            listener.malformed(raw, error, time);
        } catch (RuntimeException e) {
            replaceDecoder();
            listener.malformed(raw, String.valueOf(e.getMessage()), time);
        } finally {
            ReferenceCountUtil.release(out);
        }
    }

    private void replaceDecoder() {
        decoder.finishAndReleaseAll();
        decoder = newDecoder();
    }

    private EmbeddedChannel newDecoder() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(MAX_PACKET_BYTES, MAX_CLIENT_ID_LENGTH));
        channel.attr(VERSION_KEY).set(version);
        return channel;
    }
}

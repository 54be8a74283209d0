package org.mqttstudio.trace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Decodes one direction of a WebSocket connection (RFC 6455) from copies of its bytes: the HTTP upgrade request or
 * response first, then frames, whose payloads are the MQTT byte stream handed to a {@link MqttStreamDecoder}.
 *
 * <p>Frames are read by Netty's {@link WebSocket08FrameDecoder}: masked (client) and unmasked (broker) alike, in any
 * split across reads. The payload of every data frame, fragments included, goes on to the MQTT stream as it
 * arrives; MQTT packets may span frames or share one, as MQTT over WebSocket allows. Control frames (ping, pong,
 * close) carry no MQTT. What cannot be followed gives the direction up with one malformed event that says why: a
 * refused upgrade (the broker's status line, e.g. a wrong path's 404), a broken frame, a compressed frame
 * (permessage-deflate: the Studio's brokers do not offer it, see HiveMqConfig).
 */
final class WebSocketStreamDecoder implements StreamDecoder {
    /** Far above any real upgrade request or response; past it the bytes are no HTTP head. */
    static final int MAX_HTTP_HEAD_BYTES = 64 * 1024;

    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int RSV1_COMPRESSED = 0x4;

    private final MqttStreamDecoder mqtt;
    private final boolean fromBroker;
    private final ByteBuf head = Unpooled.buffer();
    private final EmbeddedChannel frames;
    private boolean upgraded;
    private boolean done;

    /**
     * @param mqtt       where the frames' payloads go; its listener also gets the events of a direction given up
     * @param fromBroker true for the broker's direction (an HTTP response, then unmasked frames), false for the
     *                   client's (a request, then masked frames)
     */
    WebSocketStreamDecoder(MqttStreamDecoder mqtt, boolean fromBroker) {
        this.mqtt = mqtt;
        this.fromBroker = fromBroker;
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(!fromBroker)
                .allowMaskMismatch(true) // a tap reports what it sees, it does not police the peers
                .allowExtensions(true)   // RSV bits reach us, so a compressed frame gets its own reason
                .maxFramePayloadLength(MqttStreamDecoder.MAX_PACKET_BYTES)
                .closeOnProtocolViolation(false) // the decoder must not answer: it only reads a copy
                .build();
        this.frames = new EmbeddedChannel(new WebSocket08FrameDecoder(config));
    }

    @Override
    public void feed(byte[] chunk, Instant arrived) {
        if (done) {
            return;
        }
        ByteBuf bytes = Unpooled.wrappedBuffer(chunk);
        if (!upgraded) {
            bytes = readHead(bytes, arrived);
            if (bytes == null) {
                return;
            }
        }
        readFrames(bytes, arrived);
    }

    /** Collects the HTTP head; the bytes after it (frames sent at once), or null while it is unfinished or bad. */
    private ByteBuf readHead(ByteBuf bytes, Instant arrived) {
        int searchFrom = Math.max(0, head.writerIndex() - (HEAD_END.length - 1));
        head.writeBytes(bytes);
        int headLength = headLength(searchFrom);
        if (headLength < 0) {
            if (head.readableBytes() > MAX_HTTP_HEAD_BYTES) {
                giveUp(head.readableBytes(), "no end of the HTTP upgrade within " + MAX_HTTP_HEAD_BYTES + " bytes",
                        arrived);
            }
            return null;
        }
        String firstLine = firstLine(head, headLength);
        if (fromBroker && !isSwitchingProtocols(firstLine)) {
            giveUp(head.readableBytes(), "the WebSocket upgrade was refused: " + firstLine, arrived);
            return null;
        }
        upgraded = true;
        ByteBuf rest = Unpooled.copiedBuffer(head.slice(headLength, head.writerIndex() - headLength));
        head.release();
        return rest;
    }

    /** The length of the head up to and with its blank line, searched from {@code from}; -1 if not there yet. */
    private int headLength(int from) {
        for (int i = from; i + HEAD_END.length <= head.writerIndex(); i++) {
            if (head.getByte(i) == '\r' && head.getByte(i + 1) == '\n' && head.getByte(i + 2) == '\r'
                    && head.getByte(i + 3) == '\n') {
                return i + HEAD_END.length;
            }
        }
        return -1;
    }

    private static String firstLine(ByteBuf head, int headLength) {
        int lineEnd = head.indexOf(0, headLength, (byte) '\r');
        return head.toString(0, lineEnd, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSwitchingProtocols(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        return parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].equals("101");
    }

    private void readFrames(ByteBuf bytes, Instant arrived) {
        int length = bytes.readableBytes();
        try {
            // not writeInbound: its per-call flush and task run cost more than reading a small frame
            frames.pipeline().fireChannelRead(bytes);
            frames.checkException();
        } catch (RuntimeException e) {
            passDecodedFrames(arrived); // the frames before the broken one
            Throwable why = e.getCause() == null ? e : e.getCause(); // Netty wraps it in a DecoderException
            giveUp(length, "broken WebSocket frame: " + why.getMessage(), arrived);
            return;
        }
        passDecodedFrames(arrived);
    }

    private void passDecodedFrames(Instant arrived) {
        for (Object frame = frames.readInbound(); frame != null && !done; frame = frames.readInbound()) {
            try {
                pass((WebSocketFrame) frame, arrived);
            } finally {
                ReferenceCountUtil.release(frame);
            }
        }
    }

    private void pass(WebSocketFrame frame, Instant arrived) {
        if ((frame.rsv() & RSV1_COMPRESSED) != 0) {
            giveUp(frame.content().readableBytes(), "a compressed WebSocket frame (permessage-deflate)", arrived);
        } else if (frame instanceof CloseWebSocketFrame) {
            end(); // the decoder ignores whatever follows a close frame anyway
        } else if (!(frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame)) {
            mqtt.feed(ByteBufUtil.getBytes(frame.content()), arrived);
        }
    }

    private void giveUp(int skipped, String why, Instant arrived) {
        mqtt.abandon(skipped, why, arrived);
        release();
    }

    @Override
    public void abandon(int skipped, String why, Instant arrived) {
        if (!done) {
            giveUp(skipped, why, arrived);
        }
    }

    @Override
    public void end() {
        if (!done) {
            mqtt.end();
            release();
        }
    }

    private void release() {
        done = true;
        if (head.refCnt() > 0) {
            head.release();
        }
        frames.finishAndReleaseAll();
    }
}

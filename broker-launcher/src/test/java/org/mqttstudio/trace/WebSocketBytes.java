package org.mqttstudio.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Hand-made WebSocket bytes (RFC 6455) for the tap's tests: an upgrade, its answer, frames, and odd splits. */
final class WebSocketBytes {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xa;

    static final byte[] UPGRADE_REQUEST = ascii("GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: mqtt\r\n\r\n");
    static final byte[] UPGRADE_ANSWER = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: mqtt\r\n\r\n");

    /** A 3.1.1 CONNECT of client "ws-1", a SUBSCRIBE to a/b, a PINGREQ, a QoS 1 PUBLISH of 300 bytes to a/b. */
    static final byte[] CONNECT = {0x10, 16, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 4, 'w', 's', '-', '1'};
    static final byte[] SUBSCRIBE = {(byte) 0x82, 8, 0, 1, 0, 3, 'a', '/', 'b', 1};
    static final byte[] PINGREQ = {(byte) 0xc0, 0};
    static final byte[] PUBLISH = publish(300);

    static final byte[] MASK_A = {0x11, (byte) 0x82, 0x33, (byte) 0xf4};
    static final byte[] MASK_B = {(byte) 0xa5, 0x5a, 0x0f, (byte) 0xf0};

    private WebSocketBytes() {
    }

    /**
     * A client's upgrade, then masked frames: the CONNECT fragmented over three frames with a ping between the
     * fragments, the SUBSCRIBE starting in the CONNECT's last fragment, a PINGREQ and a PUBLISH sharing one frame
     * (with a 16-bit length).
     */
    static byte[] clientStream() {
        return concat(UPGRADE_REQUEST,
                frame(false, BINARY, slice(CONNECT, 0, 5), MASK_A),
                frame(true, PING, ascii("are you there"), MASK_B),
                frame(false, CONTINUATION, slice(CONNECT, 5, 11), MASK_B),
                frame(false, CONTINUATION, concat(slice(CONNECT, 11, CONNECT.length), slice(SUBSCRIBE, 0, 3)),
                        MASK_A),
                frame(true, CONTINUATION, slice(SUBSCRIBE, 3, SUBSCRIBE.length), MASK_B),
                frame(true, BINARY, concat(PINGREQ, PUBLISH), MASK_A));
    }

    /** The broker's answer, then unmasked frames: a PUBLISH fragmented over two frames with a pong between them. */
    static byte[] brokerStream() {
        return concat(UPGRADE_ANSWER,
                frame(false, BINARY, slice(PUBLISH, 0, 200), null),
                frame(true, PONG, new byte[0], null),
                frame(true, CONTINUATION, slice(PUBLISH, 200, PUBLISH.length), null));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] publish(int payloadSize) {
        int remaining = 2 + 3 + 2 + payloadSize;
        byte[] head = {0x32, (byte) (0x80 | remaining & 0x7f), (byte) (remaining >> 7), 0, 3, 'a', '/', 'b', 0, 7};
        byte[] payload = new byte[payloadSize];
        new Random(3).nextBytes(payload);
        return concat(head, payload);
    }

    /** One frame; masked with {@code mask} (4 bytes) when not null, as a client must. */
    static byte[] frame(boolean fin, int opcode, byte[] payload, byte[] mask) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        byte[] body = payload.clone();
        if (mask != null) {
            out.writeBytes(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i % 4];
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** The bytes cut into chunks of 1, 2, 3, 5, 7, 11, 13 bytes, over and over: every boundary lands somewhere odd. */
    static List<byte[]> oddChunks(byte[] bytes) {
        int[] sizes = {1, 2, 3, 5, 7, 11, 13};
        List<byte[]> chunks = new java.util.ArrayList<>();
        for (int at = 0, n = 0; at < bytes.length; n++) {
            int end = Math.min(bytes.length, at + sizes[n % sizes.length]);
            chunks.add(slice(bytes, at, end));
            at = end;
        }
        return chunks;
    }
}

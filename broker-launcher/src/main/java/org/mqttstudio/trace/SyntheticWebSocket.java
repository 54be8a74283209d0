package org.mqttstudio.trace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The WebSocket wrapping {@link PcapWriter} gives a WebSocket connection's MQTT packets: an upgrade request and
 * answer for the {@code mqtt} subprotocol (RFC 6455's sample key and its accept value), and one binary frame per
 * packet.
 */
final class SyntheticWebSocket {
    static final byte[] UPGRADE_ANSWER = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: mqtt\r\n\r\n");

    private static final int FIN_BINARY = 0x82;
    private static final int MASKED = 0x80;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private SyntheticWebSocket() {
    }

    static byte[] upgradeRequest(int port) {
        return ascii("GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n");
    }

    /** One final binary frame holding {@code payload}; a client's is masked, with a zero key that leaves it as is. */
    static byte[] frame(byte[] payload, boolean fromClient) {
        int mask = fromClient ? MASKED : 0;
        ByteBuffer frame = ByteBuffer.allocate(2 + 8 + (fromClient ? 4 : 0) + payload.length);
        frame.put((byte) FIN_BINARY);
        if (payload.length < LENGTH_16) {
            frame.put((byte) (mask | payload.length));
        } else if (payload.length <= 0xffff) {
            frame.put((byte) (mask | LENGTH_16)).putShort((short) payload.length);
        } else {
            frame.put((byte) (mask | LENGTH_64)).putLong(payload.length);
        }
        if (fromClient) {
            frame.putInt(0);
        }
        frame.put(payload);
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

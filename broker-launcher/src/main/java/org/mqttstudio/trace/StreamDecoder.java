package org.mqttstudio.trace;

import java.time.Instant;

/**
 * Decodes one direction of a tapped connection from copies of its bytes: bare MQTT ({@link MqttStreamDecoder}) or
 * MQTT inside WebSocket frames ({@link WebSocketStreamDecoder}). One thread at a time calls it.
 */
interface StreamDecoder {
    /** Decodes the next bytes of the stream, which arrived at {@code arrived}. */
    void feed(byte[] chunk, Instant arrived);

    /** Gives the rest of the stream up: one malformed event says why, nothing after it is decoded. */
    void abandon(int skipped, String why, Instant arrived);

    /** The stream ended. */
    void end();
}

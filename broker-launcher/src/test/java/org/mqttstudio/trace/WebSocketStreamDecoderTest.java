package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.trace.WebSocketBytes.BINARY;
import static org.mqttstudio.trace.WebSocketBytes.CLOSE;
import static org.mqttstudio.trace.WebSocketBytes.CONNECT;
import static org.mqttstudio.trace.WebSocketBytes.CONTINUATION;
import static org.mqttstudio.trace.WebSocketBytes.MASK_A;
import static org.mqttstudio.trace.WebSocketBytes.MASK_B;
import static org.mqttstudio.trace.WebSocketBytes.PING;
import static org.mqttstudio.trace.WebSocketBytes.PINGREQ;
import static org.mqttstudio.trace.WebSocketBytes.PONG;
import static org.mqttstudio.trace.WebSocketBytes.PUBLISH;
import static org.mqttstudio.trace.WebSocketBytes.SUBSCRIBE;
import static org.mqttstudio.trace.WebSocketBytes.UPGRADE_ANSWER;
import static org.mqttstudio.trace.WebSocketBytes.UPGRADE_REQUEST;
import static org.mqttstudio.trace.WebSocketBytes.ascii;
import static org.mqttstudio.trace.WebSocketBytes.brokerStream;
import static org.mqttstudio.trace.WebSocketBytes.clientStream;
import static org.mqttstudio.trace.WebSocketBytes.concat;
import static org.mqttstudio.trace.WebSocketBytes.frame;
import static org.mqttstudio.trace.WebSocketBytes.oddChunks;
import static org.mqttstudio.trace.WebSocketBytes.slice;

import io.netty.handler.codec.mqtt.MqttMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketStreamDecoderTest {
    private final List<String> seen = new ArrayList<>();
    private final List<byte[]> raws = new ArrayList<>();

    private StreamDecoder decoder(boolean fromBroker) {
        return new WebSocketStreamDecoder(new MqttStreamDecoder(new MqttStreamDecoder.Listener() {
            @Override
            public void packet(MqttMessage message, byte[] raw, Instant time) {
                seen.add(message.fixedHeader().messageType().name());
                raws.add(raw);
            }

            @Override
            public void malformed(byte[] raw, String error, Instant time) {
                seen.add("MALFORMED: " + error);
                raws.add(raw);
            }
        }), fromBroker);
    }

    private void feed(StreamDecoder decoder, List<byte[]> chunks) {
        chunks.forEach(chunk -> decoder.feed(chunk, Instant.now()));
    }

    @Test
    void maskedFragmentedFramesSplitAtOddBoundariesGiveTheClientsPacketsWhole() {
        StreamDecoder decoder = decoder(false);

        feed(decoder, oddChunks(clientStream()));
        decoder.end();

        assertThat(seen).containsExactly("CONNECT", "SUBSCRIBE", "PINGREQ", "PUBLISH");
        assertThat(raws).containsExactly(CONNECT, SUBSCRIBE, PINGREQ, PUBLISH);
    }

    @Test
    void theWholeStreamInOneReadGivesTheSamePackets() {
        StreamDecoder decoder = decoder(false);

        decoder.feed(clientStream(), Instant.now());

        assertThat(seen).containsExactly("CONNECT", "SUBSCRIBE", "PINGREQ", "PUBLISH");
    }

    @Test
    void theBrokersAnswerThenUnmaskedFramesUpToTheCloseFrame() {
        StreamDecoder decoder = decoder(true);
        byte[] stream = concat(brokerStream(),
                frame(true, CLOSE, new byte[] {0x03, (byte) 0xe8}, null),
                ascii("whatever follows a close frame"));

        feed(decoder, oddChunks(stream));
        decoder.end();

        assertThat(seen).containsExactly("PUBLISH");
        assertThat(raws).containsExactly(PUBLISH);
    }

    @Test
    void aRefusedUpgradeIsOneMalformedEventWithTheStatusLine() {
        StreamDecoder decoder = decoder(true);

        feed(decoder, oddChunks(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot here.")));
        decoder.end();

        assertThat(seen).singleElement().asString()
                .startsWith("MALFORMED: the WebSocket upgrade was refused: HTTP/1.1 404 Not Found; ");
    }

    @Test
    void aCompressedFrameGivesTheDirectionUpSayingWhy() {
        StreamDecoder decoder = decoder(true);
        byte[] compressed = frame(true, BINARY, new byte[] {1, 2, 3}, null);
        compressed[0] |= 0x40; // RSV1: permessage-deflate

        feed(decoder, List.of(UPGRADE_ANSWER, frame(true, BINARY, PINGREQ, null), compressed, PINGREQ));

        assertThat(seen).containsExactly("PINGREQ", "MALFORMED: a compressed WebSocket frame (permessage-deflate);"
                + " 3 bytes and all after them are not decoded");
    }

    @Test
    void aBrokenFrameGivesTheDirectionUp() {
        StreamDecoder decoder = decoder(false);
        byte[] fragmentedPing = frame(false, PING, new byte[] {1}, MASK_A); // control frames must not be fragmented

        feed(decoder, List.of(UPGRADE_REQUEST, frame(true, BINARY, PINGREQ, MASK_B), fragmentedPing,
                frame(true, BINARY, PINGREQ, MASK_B)));

        assertThat(seen).hasSize(2).first().isEqualTo("PINGREQ");
        assertThat(seen.get(1)).startsWith("MALFORMED: broken WebSocket frame: fragmented control frame; ");
    }

    @Test
    void anEndlessHeadIsNoUpgrade() {
        StreamDecoder decoder = decoder(false);
        byte[] line = ascii("X-Filler: " + "x".repeat(1000) + "\r\n");

        for (int i = 0; i < 70; i++) {
            decoder.feed(line, Instant.now());
        }

        assertThat(seen).singleElement().asString()
                .startsWith("MALFORMED: no end of the HTTP upgrade within 65536 bytes");
    }
}

package org.mqttstudio.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 5 packets written byte by byte from the specification (OASIS MQTT 5.0, chapter 3), not with Netty's
 * encoder, so that a decoder test does not check Netty against itself.
 */
final class Mqtt5Wire {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Mqtt5Wire body() {
        return new Mqtt5Wire();
    }

    Mqtt5Wire byte1(int value) {
        bytes.write(value);
        return this;
    }

    Mqtt5Wire int2(int value) {
        return byte1(value >> 8 & 0xff).byte1(value & 0xff);
    }

    Mqtt5Wire int4(long value) {
        return int2((int) (value >> 16 & 0xffff)).int2((int) (value & 0xffff));
    }

    Mqtt5Wire varint(int value) {
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            byte1(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        return this;
    }

    Mqtt5Wire string(String value) {
        return binary(value.getBytes(StandardCharsets.UTF_8));
    }

    Mqtt5Wire binary(byte[] value) {
        int2(value.length);
        return raw(value);
    }

    Mqtt5Wire raw(byte[] value) {
        bytes.writeBytes(value);
        return this;
    }

    /** A property block: its length, then the properties. */
    Mqtt5Wire properties(Mqtt5Wire properties) {
        byte[] block = properties.bytes();
        varint(block.length);
        return raw(block);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** The whole packet: the first byte (type and flags), the remaining length, then {@code body}. */
    static byte[] packet(int firstByte, Mqtt5Wire body) {
        byte[] rest = body.bytes();
        return new Mqtt5Wire().byte1(firstByte).varint(rest.length).raw(rest).bytes();
    }

    /** One user property, which every MQTT 5 packet with properties may carry. */
    static Mqtt5Wire userProperty(String key, String value) {
        return new Mqtt5Wire().byte1(0x26).string(key).string(value);
    }
}

package org.mqttstudio.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link PacketEvent} as a run of bytes and reads it back equal, so that a {@link Recorder} can keep
 * hundreds of thousands of events in one byte array: no objects for the garbage collector to trace and copy
 * (kept as objects, the recorder's events cost the tapped broker more cpu in collections than the tap's decoding).
 * A PUBLISH payload is the tail of the packet's raw bytes and is stored once.
 */
final class PacketEventCodec {
    private static final PacketDirection[] DIRECTIONS = PacketDirection.values();
    private static final PacketType[] TYPES = PacketType.values();
    private static final Transport[] TRANSPORTS = Transport.values();
    private static final int DUP = 1;
    private static final int RETAIN = 2;
    private static final int PAYLOAD_IS_RAW_TAIL = 4;
    private static final int UNRESOLVED_ADDRESS = 8;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PacketEventCodec() {
    }

    /** Appends the event's bytes to {@code out}. */
    static void write(PacketEvent event, Output out) {
        out.putLong(event.time().getEpochSecond());
        out.putInt(event.time().getNano());
        out.putRecurring(event.node());
        out.putLong(event.connectionId());
        byte[] raw = event.rawBytes();
        byte[] payload = event.payloadBytes();
        InetSocketAddress address = event.clientAddress();
        boolean tail = payload != null && isTail(payload, raw);
        int flags = (event.dup() ? DUP : 0) | (event.retain() ? RETAIN : 0) | (tail ? PAYLOAD_IS_RAW_TAIL : 0)
                | (address.isUnresolved() ? UNRESOLVED_ADDRESS : 0);
        out.putByte(flags);
        if (address.isUnresolved()) {
            out.putString(address.getHostString());
        } else {
            out.putBytes(address.getAddress().getAddress());
        }
        out.putInt(address.getPort());
        out.putInt(event.nodePort());
        out.putByte(event.transport().ordinal());
        out.putRecurring(event.clientId());
        out.putByte(event.direction().ordinal());
        out.putByte(event.type().ordinal());
        out.putInt(event.packetId() == null ? -1 : event.packetId());
        out.putByte(event.qos());
        out.putString(event.topic());
        if (tail) {
            out.putInt(payload.length);
        } else {
            out.putBytes(payload);
        }
        List<Integer> codes = event.reasonCodes();
        out.putInt(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.putInt(codes.get(i));
        }
        out.putInt(event.subscriptions().size());
        for (TopicFilter filter : event.subscriptions()) {
            out.putString(filter.filter());
            out.putInt(filter.qos() == null ? -1 : filter.qos());
        }
        out.putInt(event.properties().size());
        for (PacketProperty property : event.properties()) {
            out.putString(property.name());
            out.putString(property.value());
        }
        out.putInt(event.protocolVersion() == null ? -1 : event.protocolVersion());
        out.putInt(event.size());
        out.putBytes(raw);
        out.putString(event.error());
    }

    /** The event written at {@code offset} of {@code bytes}. */
    static PacketEvent read(byte[] bytes, int offset) {
        Input in = new Input(bytes, offset);
        Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
        String node = in.getString();
        long connectionId = in.getLong();
        int flags = in.getByte();
        InetSocketAddress address = (flags & UNRESOLVED_ADDRESS) != 0
                ? InetSocketAddress.createUnresolved(in.getString(), in.getInt())
                : new InetSocketAddress(address(in.getBytes()), in.getInt());
        int nodePort = in.getInt();
        Transport transport = TRANSPORTS[in.getByte()];
        String clientId = in.getString();
        PacketDirection direction = DIRECTIONS[in.getByte()];
        PacketType type = TYPES[in.getByte()];
        int packetId = in.getInt();
        int qos = in.getByte();
        String topic = in.getString();
        int tailLength = (flags & PAYLOAD_IS_RAW_TAIL) != 0 ? in.getInt() : -1;
        byte[] payload = tailLength >= 0 ? null : in.getBytes();
        List<Integer> codes = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
            codes.add(in.getInt());
        }
        List<TopicFilter> filters = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
            String filter = in.getString();
            int filterQos = in.getInt();
            filters.add(new TopicFilter(filter, filterQos < 0 ? null : filterQos));
        }
        List<PacketProperty> properties = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
            properties.add(new PacketProperty(in.getString(), in.getString()));
        }
        int version = in.getInt();
        int size = in.getInt();
        byte[] raw = in.getBytes();
        if (tailLength >= 0) {
            payload = Arrays.copyOfRange(raw, raw.length - tailLength, raw.length);
        }
        return new PacketEvent(time, node, connectionId, address, nodePort, transport, clientId, direction, type,
                packetId < 0 ? null : packetId, qos, (flags & DUP) != 0, (flags & RETAIN) != 0, topic, payload, codes,
                filters, properties, version < 0 ? null : version, size, raw, in.getString());
    }

    private static boolean isTail(byte[] payload, byte[] raw) {
        return payload.length <= raw.length
                && Arrays.equals(payload, 0, payload.length, raw, raw.length - payload.length, raw.length);
    }

    private static InetAddress address(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a recorded address of " + ip.length + " bytes", e);
        }
    }

    /** A growable byte array the codec writes into; {@link #reset} reuses it for the next event. */
    static final class Output {
        private final String[] recentStrings = new String[4];
        private final byte[][] recentBytes = new byte[4][];
        private byte[] buffer = new byte[256];
        private int length;
        private int nextRecent;

        void reset() {
            length = 0;
        }

        int length() {
            return length;
        }

        byte[] buffer() {
            return buffer;
        }

        void putByte(int value) {
            ensure(1);
            buffer[length++] = (byte) value;
        }

        void putInt(int value) {
            ensure(4);
            INT.set(buffer, length, value);
            length += 4;
        }

        void putLong(long value) {
            ensure(8);
            LONG.set(buffer, length, value);
            length += 8;
        }

        /** A length (-1 for null), then the bytes. */
        void putBytes(byte[] bytes) {
            if (bytes == null) {
                putInt(-1);
                return;
            }
            putInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** UTF-8 bytes with a length (-1 for null). */
        void putString(String text) {
            putBytes(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        /** As {@link #putString}, for the strings each event of a connection repeats: encoded once while recent. */
        void putRecurring(String text) {
            if (text == null) {
                putBytes(null);
                return;
            }
            for (int i = 0; i < recentStrings.length; i++) {
                if (recentStrings[i] == text) {
                    putBytes(recentBytes[i]);
                    return;
                }
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            recentStrings[nextRecent] = text;
            recentBytes[nextRecent] = bytes;
            nextRecent = (nextRecent + 1) % recentStrings.length;
            putBytes(bytes);
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    private static final class Input {
        private final byte[] bytes;
        private int position;

        Input(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int getByte() {
            return bytes[position++] & 0xff;
        }

        int getInt() {
            int value = (int) INT.get(bytes, position);
            position += 4;
            return value;
        }

        long getLong() {
            long value = (long) LONG.get(bytes, position);
            position += 8;
            return value;
        }

        byte[] getBytes() {
            int length = getInt();
            if (length < 0) {
                return null;
            }
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        String getString() {
            int length = getInt();
            if (length < 0) {
                return null;
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}

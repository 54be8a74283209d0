package org.mqttstudio.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * An MQTT 3.1.1 client written byte by byte, for what a real client library will not do: an empty
 * client id with a persistent session, never pinging, never acknowledging, dropping the TCP
 * connection without DISCONNECT, and showing each packet's flags (DUP, retain) as they came.
 */
final class RawMqttClient implements AutoCloseable {
    static final int CONNECT = 1;
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int SUBSCRIBE = 8;
    static final int SUBACK = 9;
    static final int UNSUBSCRIBE = 10;
    static final int UNSUBACK = 11;
    static final int DISCONNECT = 14;
    private static final int TIMEOUT_MS = 10_000;

    /** A last will: topic, payload, QoS 0, not retained. */
    record Will(String topic, String payload) {
    }

    /** One packet from the broker; topic, payload and QoS for PUBLISH, the return codes' bytes otherwise. */
    record Packet(int type, int flags, int packetId, String topic, String payload, byte[] body) {
        int qos() {
            return (flags >> 1) & 3;
        }

        boolean dup() {
            return (flags & 8) != 0;
        }

        boolean retain() {
            return (flags & 1) != 0;
        }

        /** The last byte: CONNACK's return code, a one-filter SUBACK's granted QoS or 0x80. */
        int code() {
            return body[body.length - 1] & 0xff;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    /** Packets read while waiting for another type, handed out first by {@link #read()}. */
    private final Deque<Packet> skipped = new ArrayDeque<>();
    private int nextPacketId = 1;

    private RawMqttClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens the TCP connection and sends CONNECT; read the CONNACK with {@link #connack()}. */
    static RawMqttClient open(int port, String clientId, boolean cleanSession, int keepAlive, Will will) {
        try {
            RawMqttClient client = new RawMqttClient(new Socket(InetAddress.getLoopbackAddress(), port));
            client.socket.setSoTimeout(TIMEOUT_MS);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4});
            body.write((cleanSession ? 0x02 : 0) | (will != null ? 0x04 : 0));
            body.writeBytes(new byte[] {(byte) (keepAlive >> 8), (byte) keepAlive});
            writeString(body, clientId);
            if (will != null) {
                writeString(body, will.topic());
                writeString(body, will.payload());
            }
            client.send(CONNECT << 4, body);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and fails unless the broker accepts. */
    static RawMqttClient connect(int port, String clientId, boolean cleanSession) {
        RawMqttClient client = open(port, clientId, cleanSession, 60, null);
        int code = client.connack().code();
        if (code != 0) {
            client.close();
            throw new AssertionError("CONNACK " + code + " for " + clientId);
        }
        return client;
    }

    /** The CONNACK (a closed connection instead fails). */
    Packet connack() {
        return next(CONNACK);
    }

    /** Subscribes to one filter and returns the SUBACK's return code. */
    int subscribe(String filter, int qos) {
        ByteArrayOutputStream body = packetId();
        writeString(body, filter);
        body.write(qos);
        send(SUBSCRIBE << 4 | 2, body);
        return next(SUBACK).code();
    }

    void unsubscribe(String filter) {
        ByteArrayOutputStream body = packetId();
        writeString(body, filter);
        send(UNSUBSCRIBE << 4 | 2, body);
        next(UNSUBACK);
    }

    /** Publishes at QoS 0 (fire and forget). */
    void publish(String topic, String payload) {
        publish(topic, payload, 0, false);
    }

    /** Sends a PUBLISH and does not wait for its acknowledgement (read it with {@link #next}). */
    void publish(String topic, String payload, int qos, boolean retain) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        if (qos > 0) {
            int id = nextPacketId++;
            body.writeBytes(new byte[] {(byte) (id >> 8), (byte) id});
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        send(PUBLISH << 4 | qos << 1 | (retain ? 1 : 0), body);
    }

    void puback(int packetId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) (packetId >> 8), (byte) packetId});
        send(PUBACK << 4, body);
    }

    void disconnect() {
        send(DISCONNECT << 4, new ByteArrayOutputStream());
        close();
    }

    /** The next packet of {@code type}; other packets before it are kept for {@link #read()}. */
    Packet next(int type) {
        for (Packet packet : skipped) {
            if (packet.type() == type) {
                skipped.remove(packet);
                return packet;
            }
        }
        List<Packet> others = new ArrayList<>();
        while (true) {
            Packet packet = readSocket().orElseThrow(() -> new AssertionError("connection closed while waiting for "
                    + "packet type " + type));
            if (packet.type() == type) {
                skipped.addAll(others);
                return packet;
            }
            others.add(packet);
        }
    }

    /**
     * The PUBLISH packets that arrive up to and including the first with {@code payload},
     * acknowledging each QoS 1 one.
     */
    List<Packet> publishesUntil(String payload) {
        List<Packet> publishes = new ArrayList<>();
        while (publishes.isEmpty() || !payload.equals(publishes.get(publishes.size() - 1).payload())) {
            Packet packet = next(PUBLISH);
            if (packet.qos() == 1) {
                puback(packet.packetId());
            }
            publishes.add(packet);
        }
        return publishes;
    }

    /** The PUBLISH packets that arrive within {@code time}, none acknowledged. */
    List<Packet> publishesWithin(Duration time) {
        List<Packet> publishes = new ArrayList<>();
        long end = System.nanoTime() + time.toNanos();
        try {
            for (long left = time.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) left);
                read().filter(p -> p.type() == PUBLISH).ifPresent(publishes::add);
            }
        } catch (AssertionError timedOut) {
            // the time is up
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
        return publishes;
    }

    /** Whether the broker closes the connection within {@code time} (packets meanwhile are ignored). */
    boolean closedWithin(Duration time) {
        try {
            socket.setSoTimeout((int) time.toMillis());
            while (in.read() >= 0) {
                // skip whatever comes until the end or the timeout
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            restoreTimeout();
        }
    }

    private void restoreTimeout() {
        try {
            socket.setSoTimeout(TIMEOUT_MS);
        } catch (IOException e) {
            // closed: nothing more to read anyway
        }
    }

    /** The next packet, or empty when the broker closed the connection; fails after 10 s of silence. */
    Optional<Packet> read() {
        return skipped.isEmpty() ? readSocket() : Optional.of(skipped.removeFirst());
    }

    private Optional<Packet> readSocket() {
        try {
            int header = in.read();
            if (header < 0) {
                return Optional.empty();
            }
            int length = 0;
            for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
                b = in.readUnsignedByte();
                length |= (b & 0x7f) << shift;
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return Optional.of(parse(header >> 4, header & 0x0f, body));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no packet within " + TIMEOUT_MS + " ms", e);
        } catch (EOFException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // connection reset: the broker dropped us
        }
    }

    private static Packet parse(int type, int flags, byte[] body) {
        if (type != PUBLISH) {
            int id = body.length >= 2 && type != CONNACK ? (body[0] & 0xff) << 8 | body[1] & 0xff : 0;
            return new Packet(type, flags, id, null, null, body);
        }
        int topicLength = (body[0] & 0xff) << 8 | body[1] & 0xff;
        String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
        int offset = 2 + topicLength;
        int id = 0;
        if (((flags >> 1) & 3) > 0) {
            id = (body[offset] & 0xff) << 8 | body[offset + 1] & 0xff;
            offset += 2;
        }
        String payload = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
        return new Packet(type, flags, id, topic, payload, body);
    }

    private ByteArrayOutputStream packetId() {
        int id = nextPacketId++;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) (id >> 8), (byte) id});
        return body;
    }

    private void send(int header, ByteArrayOutputStream body) {
        try {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(header);
            int length = body.size();
            do {
                int b = length & 0x7f;
                length >>= 7;
                packet.write(length > 0 ? b | 0x80 : b);
            } while (length > 0);
            body.writeTo(packet);
            out.write(packet.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {(byte) (bytes.length >> 8), (byte) bytes.length});
        out.writeBytes(bytes);
    }

    /** Drops the TCP connection without DISCONNECT. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

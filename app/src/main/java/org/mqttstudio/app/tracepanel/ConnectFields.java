package org.mqttstudio.app.tracepanel;

import java.util.Optional;

/**
 * The parts of a CONNECT's raw bytes the decoded event does not carry: the connect flags byte and where the password's
 * bytes are, so that the details pane can name every flag and the hex dump can hide the password.
 *
 * @param flags         the connect flags byte
 * @param passwordFrom  index of the password's first byte; equal to {@code passwordTo} when there is none
 * @param passwordTo    index after the password's last byte
 */
record ConnectFields(int flags, int passwordFrom, int passwordTo) {

    boolean username() {
        return (flags & 0x80) != 0;
    }

    boolean password() {
        return (flags & 0x40) != 0;
    }

    boolean willRetain() {
        return (flags & 0x20) != 0;
    }

    int willQos() {
        return (flags >> 3) & 0x3;
    }

    boolean will() {
        return (flags & 0x04) != 0;
    }

    boolean cleanSession() {
        return (flags & 0x02) != 0;
    }

    /** Parses a CONNECT's bytes; empty when they are not a well-formed CONNECT. */
    static Optional<ConnectFields> parse(byte[] raw) {
        try {
            Cursor c = new Cursor(raw);
            c.pos = 1;
            c.varInt(); // remaining length
            c.skipString(); // protocol name
            int level = c.u8();
            int flags = c.u8();
            c.pos += 2; // keep alive
            if (level == 5) {
                c.skip(c.varInt()); // properties
            }
            c.skipString(); // client id
            if ((flags & 0x04) != 0) {
                if (level == 5) {
                    c.skip(c.varInt()); // will properties
                }
                c.skipString(); // will topic
                c.skipString(); // will payload
            }
            if ((flags & 0x80) != 0) {
                c.skipString();
            }
            if ((flags & 0x40) != 0) {
                int length = c.u16();
                int from = c.pos;
                if (from + length > raw.length) {
                    return Optional.empty();
                }
                return Optional.of(new ConnectFields(flags, from, from + length));
            }
            return Optional.of(new ConnectFields(flags, 0, 0));
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
    }

    private static final class Cursor {
        final byte[] bytes;
        int pos;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        int u8() {
            return bytes[pos++] & 0xff;
        }

        int u16() {
            return (u8() << 8) | u8();
        }

        void skipString() {
            skip(u16());
        }

        /** Not {@code pos += read()}: Java reads {@code pos} before the read moves it. */
        void skip(int count) {
            pos += count;
        }

        int varInt() {
            int value = 0;
            for (int shift = 0; shift < 28; shift += 7) {
                int b = u8();
                value |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new ArrayIndexOutOfBoundsException("variable byte integer too long");
        }
    }
}

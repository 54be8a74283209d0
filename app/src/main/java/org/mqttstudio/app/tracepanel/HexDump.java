package org.mqttstudio.app.tracepanel;

/**
 * A classic hex + ASCII dump, 16 bytes a line: {@code 0000  10 1e 00 0c ...  |..srv/humidity|}. Bytes in the masked
 * range (a CONNECT's password) are shown as {@code **} and {@code *}, never in clear.
 */
final class HexDump {
    private static final int PER_LINE = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    /** @param maskFrom first masked index, {@code maskTo} exclusive; equal values mask nothing */
    static String format(byte[] bytes, int maskFrom, int maskTo) {
        StringBuilder out = new StringBuilder(bytes.length * 4 + 16);
        for (int line = 0; line < bytes.length; line += PER_LINE) {
            out.append(String.format("%04x  ", line));
            StringBuilder ascii = new StringBuilder(PER_LINE);
            for (int i = line; i < line + PER_LINE; i++) {
                if (i == line + PER_LINE / 2) {
                    out.append(' ');
                }
                if (i >= bytes.length) {
                    out.append("   ");
                    continue;
                }
                boolean masked = i >= maskFrom && i < maskTo;
                int b = bytes[i] & 0xff;
                if (masked) {
                    out.append("** ");
                    ascii.append('*');
                } else {
                    out.append(HEX[b >> 4]).append(HEX[b & 0xf]).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                }
            }
            out.append(" |").append(ascii).append("|\n");
        }
        return out.toString();
    }
}

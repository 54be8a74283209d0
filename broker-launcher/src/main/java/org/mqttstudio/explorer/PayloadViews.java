package org.mqttstudio.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A payload as text, pretty JSON, hex dump or base64: what the payload views show. */
public final class PayloadViews {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PayloadViews() {
    }

    public static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The payload as indented JSON, or empty when it is not JSON (an object, array, or other JSON value). */
    public static Optional<String> prettyJson(byte[] payload) {
        return json(payload).map(node -> {
            try {
                return JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed tree always writes", e);
            }
        });
    }

    /** The payload parsed as JSON; empty when it is not JSON. */
    public static Optional<JsonNode> json(byte[] payload) {
        if (payload.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(payload));
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }

    /** Why the text is not JSON, for the publish form's validation (line and column); empty when it is JSON. */
    public static Optional<String> jsonProblem(String text) {
        try {
            JSON.readTree(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return Optional.of("not JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** 16 bytes a line: offset, hex, and the printable ASCII of each byte ('.' for the others). */
    public static String hexDump(byte[] payload) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < payload.length; line += 16) {
            out.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < payload.length) {
                    int b = payload[i] & 0xff;
                    out.append(HEX[b >> 4]).append(HEX[b & 0xf]).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == line + 7) {
                    out.append(' ');
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        return out.toString();
    }

    public static String base64(byte[] payload) {
        return Base64.getEncoder().encodeToString(payload);
    }

    /** Parses hex digits (spaces and line breaks allowed) for the publish form. */
    public static byte[] parseHex(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex: an odd number of digits (" + digits.length() + ")");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("hex: '" + digits.substring(2 * i, 2 * i + 2)
                        + "' at digit " + (2 * i + 1) + " is not hex");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}

package org.mqttstudio.app.tracepanel;

import java.util.Map;
import org.mqttstudio.trace.PacketType;

/** Names of the CONNACK return codes of MQTT 3.1/3.1.1 and of the MQTT 5 reason codes, as the specifications say. */
final class ReasonCodes {
    private static final String[] CONNACK_V3 = {"Connection Accepted", "unacceptable protocol version",
        "identifier rejected", "server unavailable", "bad user name or password", "not authorized"};
    private static final Map<Integer, String> V5 = Map.ofEntries(
            Map.entry(0x04, "Disconnect with Will Message"), Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x11, "No subscription existed"), Map.entry(0x18, "Continue authentication"),
            Map.entry(0x19, "Re-authenticate"), Map.entry(0x80, "Unspecified error"),
            Map.entry(0x81, "Malformed Packet"), Map.entry(0x82, "Protocol Error"),
            Map.entry(0x83, "Implementation specific error"), Map.entry(0x84, "Unsupported Protocol Version"),
            Map.entry(0x85, "Client Identifier not valid"), Map.entry(0x86, "Bad User Name or Password"),
            Map.entry(0x87, "Not authorized"), Map.entry(0x88, "Server unavailable"),
            Map.entry(0x89, "Server busy"), Map.entry(0x8A, "Banned"), Map.entry(0x8B, "Server shutting down"),
            Map.entry(0x8C, "Bad authentication method"), Map.entry(0x8D, "Keep Alive timeout"),
            Map.entry(0x8E, "Session taken over"), Map.entry(0x8F, "Topic Filter invalid"),
            Map.entry(0x90, "Topic Name invalid"), Map.entry(0x91, "Packet Identifier in use"),
            Map.entry(0x92, "Packet Identifier not found"), Map.entry(0x93, "Receive Maximum exceeded"),
            Map.entry(0x94, "Topic Alias invalid"), Map.entry(0x95, "Packet too large"),
            Map.entry(0x96, "Message rate too high"), Map.entry(0x97, "Quota exceeded"),
            Map.entry(0x98, "Administrative action"), Map.entry(0x99, "Payload format invalid"),
            Map.entry(0x9A, "Retain not supported"), Map.entry(0x9B, "QoS not supported"),
            Map.entry(0x9C, "Use another server"), Map.entry(0x9D, "Server moved"),
            Map.entry(0x9E, "Shared Subscriptions not supported"), Map.entry(0x9F, "Connection rate exceeded"),
            Map.entry(0xA0, "Maximum connect time"), Map.entry(0xA1, "Subscription Identifiers not supported"),
            Map.entry(0xA2, "Wildcard Subscriptions not supported"));

    private ReasonCodes() {
    }

    /** The code's name for this packet type and protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5; null: 3.1.1). */
    static String name(PacketType type, int code, Integer protocolVersion) {
        boolean v5 = protocolVersion != null && protocolVersion == 5;
        if (type == PacketType.SUBACK && (code <= 2)) {
            return "Granted QoS " + code;
        }
        if (!v5) {
            if (type == PacketType.CONNACK) {
                return code < CONNACK_V3.length ? CONNACK_V3[code] : "unknown return code";
            }
            return type == PacketType.SUBACK && code == 0x80 ? "Failure" : "unknown return code";
        }
        if (code == 0) {
            return type == PacketType.DISCONNECT ? "Normal disconnection" : "Success";
        }
        return V5.getOrDefault(code, "unknown reason code");
    }

    /** {@code 0 (Connection Accepted)}, joined for several codes. */
    static String describe(PacketType type, java.util.List<Integer> codes, Integer protocolVersion) {
        StringBuilder text = new StringBuilder();
        for (int code : codes) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(code).append(" (").append(name(type, code, protocolVersion)).append(')');
        }
        return text.toString();
    }
}

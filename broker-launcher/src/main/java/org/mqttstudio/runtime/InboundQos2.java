package org.mqttstudio.runtime;

import java.util.HashSet;
import java.util.Set;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.PacketType;

/**
 * The QoS 2 messages one client received and has not had released (PUBREL) yet, read off its connection's
 * packets: a PUBLISH resent with such a packet id is the same message, which a client library (hivemq-mqtt-client,
 * paho) hands to the application once. A CONNECT with clean start forgets them all, as the session does. At most
 * 65 535 ids; used by one thread.
 */
final class InboundQos2 {
    private static final PacketProperty CLEAN_START = new PacketProperty("clean-start", "true");

    private final Set<Integer> open = new HashSet<>();

    /** Whether {@code e} is a PUBLISH to the client carrying a message not handed over before. */
    boolean isNewMessage(PacketEvent e) {
        if (e.direction() == PacketDirection.CLIENT_TO_BROKER) {
            if (e.type() == PacketType.CONNECT && e.properties().contains(CLEAN_START)) {
                open.clear();
            }
            return false;
        }
        if (e.type() == PacketType.PUBREL) {
            open.remove(e.packetId());
        }
        return e.type() == PacketType.PUBLISH && (e.qos() < 2 || open.add(e.packetId()));
    }
}

package org.mqttstudio.app.tracepanel;

import java.util.Objects;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;

/**
 * One line of the packet trace, formatted off the FX thread so that the table only shows strings: a packet, or a gap
 * where the reader lost packets.
 *
 * @param sequence the packet's sequence number in the run, or the first lost one of a gap
 * @param lost     how many packets a gap row stands for; 0 for a packet row
 * @param event    the packet; null for a gap row
 * @param topic    the PUBLISH topic, a SUBSCRIBE's filters, or for an acknowledgement the topic of the PUBLISH it
 *                 acknowledges (when the formatter saw it)
 * @param payload  a one-line preview: payload text (or hex), reason codes with their names, the error of a
 *                 malformed packet, or what a gap lost
 */
public record TraceRow(long sequence, long lost, PacketEvent event, String time, String node, String direction,
        String clientId, String type, String packetId, String qos, String flags, String topic, String payload,
        String size) {

    public TraceRow {
        if (sequence < 0 || lost < 0) {
            throw new IllegalArgumentException("sequence and lost must not be negative");
        }
        if ((event == null) != (lost > 0)) {
            throw new IllegalArgumentException("a row is a packet or a gap of at least one lost packet");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(packetId, "packetId");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(size, "size");
    }

    /** A row for {@code count} lost packets from {@code from} on. */
    public static TraceRow gap(long from, long count) {
        return new TraceRow(from, count, null, "", "", "", "", "GAP", "", "", "", "",
                String.format("%,d packets lost here: the trace fell behind", count), "");
    }

    public boolean isGap() {
        return event == null;
    }

    /** The packet type, or null for a gap row. */
    public PacketType packetType() {
        return event == null ? null : event.type();
    }

    /** The CSS pseudo-class that colours the row: {@code packet-publish}, {@code packet-gap}, ... */
    public String typeClass() {
        return "packet-" + type.toLowerCase(java.util.Locale.ROOT);
    }
}

package org.mqttstudio.app.tracepanel;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketGap;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;
import org.mqttstudio.trace.TopicFilter;
import org.mqttstudio.trace.TraceEntry;

/**
 * Turns trace entries into {@link TraceRow}s, on the one thread that drains the trace. It remembers the topic of each
 * open QoS 1/2 PUBLISH (per node, connection, direction and packet id) so that PUBACK, PUBREC, PUBREL and PUBCOMP
 * rows show the topic they acknowledge and a topic filter finds a message's whole exchange.
 */
public final class RowFormatter {
    private static final int PREVIEW_CHARS = 80;
    private static final int PREVIEW_BYTES = 24;
    /** Open exchanges remembered: mosquitto's and HiveMQ's in-flight windows are far smaller per connection. */
    private static final int OPEN_EXCHANGES = 65_536;

    private record Exchange(String node, long connectionId, PacketDirection publishDirection, int packetId) {
    }

    private final Instant origin;
    private final Function<String, String> nodeNames;
    private final Map<String, String> names = new HashMap<>();
    private final Map<Exchange, String> openTopics = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Exchange, String> eldest) {
            return size() > OPEN_EXCHANGES;
        }
    };

    /**
     * @param origin    time 0 of the time column (the run's start)
     * @param nodeNames a node id to the name shown (the topology's names)
     */
    public RowFormatter(Instant origin, Function<String, String> nodeNames) {
        this.origin = origin;
        this.nodeNames = nodeNames;
    }

    public TraceRow format(TraceEntry entry) {
        if (entry instanceof PacketGap gap) {
            return TraceRow.gap(gap.from(), gap.count());
        }
        SequencedPacket packet = (SequencedPacket) entry;
        PacketEvent e = packet.event();
        return new TraceRow(packet.sequence(), 0, e, time(e), names.computeIfAbsent(e.node(), nodeNames),
                e.direction() == PacketDirection.CLIENT_TO_BROKER ? "C→B" : "B→C",
                e.clientId() == null ? "" : e.clientId(), e.type().name(),
                e.packetId() == null ? "" : e.packetId().toString(), hasQos(e.type()) ? Integer.toString(e.qos()) : "",
                flags(e), topic(e), preview(e), Integer.toString(e.size()));
    }

    private String time(PacketEvent e) {
        long micros = java.time.Duration.between(origin, e.time()).toNanos() / 1000;
        return micros / 1000 + "." + (char) ('0' + Math.abs(micros % 1000) / 100);
    }

    private static boolean hasQos(PacketType type) {
        return type == PacketType.PUBLISH || type == PacketType.PUBREL || type == PacketType.SUBSCRIBE
                || type == PacketType.UNSUBSCRIBE;
    }

    private static String flags(PacketEvent e) {
        return e.dup() ? (e.retain() ? "DUP RETAIN" : "DUP") : e.retain() ? "RETAIN" : "";
    }

    private String topic(PacketEvent e) {
        if (!e.subscriptions().isEmpty()) {
            StringBuilder filters = new StringBuilder();
            for (TopicFilter f : e.subscriptions()) {
                if (!filters.isEmpty()) {
                    filters.append(", ");
                }
                filters.append(f.filter());
                if (f.qos() != null) {
                    filters.append(" (QoS ").append(f.qos()).append(')');
                }
            }
            return filters.toString();
        }
        Integer id = e.packetId();
        PacketDirection other = e.direction() == PacketDirection.CLIENT_TO_BROKER
                ? PacketDirection.BROKER_TO_CLIENT : PacketDirection.CLIENT_TO_BROKER;
        return switch (e.type()) {
            case PUBLISH -> {
                if (id != null && e.topic() != null) {
                    openTopics.put(new Exchange(e.node(), e.connectionId(), e.direction(), id), e.topic());
                }
                yield e.topic() == null ? "" : e.topic();
            }
            case PUBREC -> known(openTopics.get(exchange(e, other)));
            case PUBREL -> known(openTopics.get(exchange(e, e.direction())));
            case PUBACK, PUBCOMP -> known(openTopics.remove(exchange(e, other)));
            case CONNECT -> e.topic() == null ? "" : e.topic();
            default -> "";
        };
    }

    private static Exchange exchange(PacketEvent e, PacketDirection publishDirection) {
        return new Exchange(e.node(), e.connectionId(), publishDirection, e.packetId() == null ? -1 : e.packetId());
    }

    private static String known(String topic) {
        return topic == null ? "" : topic;
    }

    private static String preview(PacketEvent e) {
        if (e.type() == PacketType.MALFORMED) {
            return e.error() == null ? "" : e.error();
        }
        if (!e.reasonCodes().isEmpty()) {
            return ReasonCodes.describe(e.type(), e.reasonCodes(), e.protocolVersion());
        }
        byte[] payload = e.payload();
        if (payload == null) {
            return "";
        }
        String prefix = e.type() == PacketType.CONNECT ? "will: " : "";
        if (e.payloadIsUtf8()) {
            String text = e.payloadText();
            String shown = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
            return prefix + shown.replace('\n', '⏎').replace('\r', ' ').replace('\t', ' ');
        }
        int shown = Math.min(payload.length, PREVIEW_BYTES);
        return prefix + "0x" + HexFormat.of().formatHex(payload, 0, shown) + (payload.length > shown ? "…" : "");
    }
}

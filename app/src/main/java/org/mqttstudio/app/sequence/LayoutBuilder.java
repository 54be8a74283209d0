package org.mqttstudio.app.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.flows.Participants;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.app.sequence.SequenceLayout.Lifeline;
import org.mqttstudio.app.sequence.SequenceLayout.Style;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketType;

/** Computes a {@link SequenceLayout}: lifelines by first appearance along the hops, packets in time order. */
final class LayoutBuilder {
    private static final int PAYLOAD_SHOWN = 40;

    /** A packet before it has a row: its time and, among equal times, the order it was found in. */
    private record Packet(int hop, PacketType type, PacketDirection direction, Instant time, boolean dup,
                          boolean resent, String note, boolean missing, int order) {
    }

    private final MessageFlow flow;
    private final Participants participants;
    private final Map<String, Participant> lifelines = new LinkedHashMap<>();
    private final Map<String, Set<String>> bridges = new LinkedHashMap<>();
    private final List<Participant> nodeEnds = new ArrayList<>();
    private final List<Participant> clientEnds = new ArrayList<>();

    LayoutBuilder(MessageFlow flow, Participants participants) {
        this.flow = flow;
        this.participants = participants;
    }

    SequenceLayout build() {
        for (FlowHop hop : flow.hops()) {
            Participant node = participants.node(hop.node());
            Participants.ClientSide client = participants.clientSide(hop);
            nodeEnds.add(node);
            clientEnds.add(client.participant());
            boolean entering = hop.direction() == PacketDirection.CLIENT_TO_BROKER;
            add(entering ? client.participant() : node);
            add(entering ? node : client.participant());
            if (client.bridge() != null) {
                bridges.get(client.participant().key()).add(client.bridge());
            }
        }
        List<String> keys = List.copyOf(lifelines.keySet());
        List<Lifeline> placed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            placed.add(new Lifeline(lifelines.get(key), List.copyOf(bridges.get(key)),
                    SequenceLayout.GUTTER + SequenceLayout.COLUMN * (i + 0.5)));
        }
        List<Packet> packets = packets();
        List<Arrow> arrows = new ArrayList<>();
        List<SequenceLayout.Gap> gaps = new ArrayList<>();
        double y = SequenceLayout.FIRST_ROW;
        for (int row = 0; row < packets.size(); row++) {
            if (row > 0) {
                Duration wait = Duration.between(packets.get(row - 1).time(), packets.get(row).time());
                if (wait.compareTo(SequenceLayout.LONG_WAIT) > 0) {
                    gaps.add(new SequenceLayout.Gap(y + SequenceLayout.ROW,
                            PacketTimes.since(wait).substring(1) + " later"));
                    y += SequenceLayout.ROW;
                }
                y += SequenceLayout.ROW;
            }
            arrows.add(arrow(packets.get(row), keys, y));
        }
        double width = SequenceLayout.GUTTER + SequenceLayout.COLUMN * keys.size() + SequenceLayout.MARGIN;
        double height = y + SequenceLayout.MARGIN * 2;
        return new SequenceLayout(flow.id(), title(), placed, arrows, gaps, width, height);
    }

    private void add(Participant participant) {
        lifelines.putIfAbsent(participant.key(), participant);
        bridges.computeIfAbsent(participant.key(), k -> new LinkedHashSet<>());
    }

    private List<Packet> packets() {
        List<Packet> packets = new ArrayList<>();
        String firstTopic = flow.hops().get(0).topic();
        for (int h = 0; h < flow.hops().size(); h++) {
            FlowHop hop = flow.hops().get(h);
            String topicNote = hop.topic() != null && !hop.topic().equals(firstTopic) ? "topic " + hop.topic() : "";
            packets.add(new Packet(h, PacketType.PUBLISH, hop.direction(), hop.published(), hop.dup(), false,
                    topicNote, false, packets.size()));
            Set<PacketType> seen = EnumSet.noneOf(PacketType.class);
            PacketType lastStep = null;
            Instant last = hop.published();
            for (FlowHop.Ack ack : hop.acks()) {
                boolean resent = ack.type() == PacketType.PUBLISH || !seen.add(ack.type());
                packets.add(new Packet(h, ack.type(), ack.direction(), ack.time(), ack.type() == PacketType.PUBLISH,
                        resent, reasons(ack.reasonCodes()), false, packets.size()));
                if (ack.type() != PacketType.PUBLISH) {
                    lastStep = ack.type();
                }
                last = ack.time();
            }
            if (!hop.handshakeComplete()) {
                PacketType awaited = awaited(hop.qos(), lastStep);
                PacketDirection way = awaited == PacketType.PUBREL ? hop.direction() : opposite(hop.direction());
                packets.add(new Packet(h, awaited, way, last, false, false, "", true, packets.size()));
            }
        }
        packets.sort(Comparator.comparing(Packet::time).thenComparing(Packet::missing)
                .thenComparingInt(Packet::order));
        return packets;
    }

    private Arrow arrow(Packet packet, List<String> keys, double y) {
        FlowHop hop = flow.hops().get(packet.hop());
        int node = keys.indexOf(nodeEnds.get(packet.hop()).key());
        int client = keys.indexOf(clientEnds.get(packet.hop()).key());
        boolean toNode = packet.direction() == PacketDirection.CLIENT_TO_BROKER;
        Style style = packet.missing() ? Style.MISSING
                : packet.resent() || packet.dup() ? Style.RETRY
                : packet.type() == PacketType.PUBLISH ? Style.PUBLISH : Style.ACK;
        Duration since = packet.missing() ? null : Duration.between(flow.start(), packet.time());
        return new Arrow(packet.hop(), packet.type(), hop.packetId(), hop.qos(), packet.dup(), since,
                toNode ? client : node, toNode ? node : client, y, label(packet, hop),
                since == null ? "" : PacketTimes.since(since), packet.note(), style);
    }

    private static String label(Packet packet, FlowHop hop) {
        StringBuilder label = new StringBuilder(packet.type().name());
        label.append(hop.packetId() == null ? " (no id)" : " id " + hop.packetId());
        if (packet.type() == PacketType.PUBLISH) {
            label.append(" · QoS ").append(hop.qos()).append(" · DUP ").append(packet.dup() ? 1 : 0);
        } else if (packet.resent()) {
            label.append(" · resent");
        }
        if (packet.missing()) {
            label.append(" · never seen");
        }
        return label.toString();
    }

    private String title() {
        FlowHop first = flow.hops().get(0);
        String payload = flow.payloadText();
        if (payload.length() > PAYLOAD_SHOWN) {
            payload = payload.substring(0, PAYLOAD_SHOWN) + "…";
        }
        long open = flow.hops().stream().filter(h -> !h.handshakeComplete()).count();
        return "Message " + flow.id() + " · " + first.topic() + " · QoS " + first.qos() + " · “" + payload + "” · "
                + flow.hops().size() + (flow.hops().size() == 1 ? " hop · " : " hops · ")
                + (open == 0 ? "complete" : open + " not completed");
    }

    private static String reasons(List<Integer> codes) {
        return codes.stream().anyMatch(c -> c != 0)
                ? "reason " + codes.stream().map(c -> String.format("0x%02X", c)).toList() : "";
    }

    /** The packet a hop waits for after its last handshake step. */
    private static PacketType awaited(int qos, PacketType lastStep) {
        if (qos == 1) {
            return PacketType.PUBACK;
        }
        if (lastStep == null) {
            return PacketType.PUBREC;
        }
        return lastStep == PacketType.PUBREC ? PacketType.PUBREL : PacketType.PUBCOMP;
    }

    private static PacketDirection opposite(PacketDirection direction) {
        return direction == PacketDirection.CLIENT_TO_BROKER ? PacketDirection.BROKER_TO_CLIENT
                : PacketDirection.CLIENT_TO_BROKER;
    }
}

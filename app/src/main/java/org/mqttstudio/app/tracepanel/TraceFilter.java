package org.mqttstudio.app.tracepanel;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.trace.PacketType;

/**
 * What the trace shows: rows of the chosen nodes, clients and packet types (an empty set chooses all), whose topic
 * matches {@code topic} (an MQTT filter such as {@code srv/#} when it has a wildcard, else text the topic contains), and
 * that contain {@code text} in any column (ignoring case). Gap rows are always shown: they say packets are missing.
 */
public record TraceFilter(Set<String> nodes, Set<String> clients, Set<PacketType> types, String topic, String text) {
    public static final TraceFilter NONE = new TraceFilter(Set.of(), Set.of(), Set.of(), "", "");

    public TraceFilter {
        nodes = Set.copyOf(nodes);
        clients = Set.copyOf(clients);
        types = Set.copyOf(types);
        topic = Objects.requireNonNull(topic, "topic").strip();
        text = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
    }

    public TraceFilter withNodes(Set<String> newNodes) {
        return new TraceFilter(newNodes, clients, types, topic, text);
    }

    public TraceFilter withClients(Set<String> newClients) {
        return new TraceFilter(nodes, newClients, types, topic, text);
    }

    public TraceFilter withTypes(Set<PacketType> newTypes) {
        return new TraceFilter(nodes, clients, newTypes, topic, text);
    }

    public TraceFilter withTopic(String newTopic) {
        return new TraceFilter(nodes, clients, types, newTopic, text);
    }

    public TraceFilter withText(String newText) {
        return new TraceFilter(nodes, clients, types, topic, newText);
    }

    public boolean test(TraceRow row) {
        if (row.isGap()) {
            return true;
        }
        return (nodes.isEmpty() || nodes.contains(row.node()))
                && (clients.isEmpty() || clients.contains(row.clientId()))
                && (types.isEmpty() || types.contains(row.packetType()))
                && topicMatches(row.topic())
                && (text.isEmpty() || containsText(row));
    }

    private boolean topicMatches(String rowTopic) {
        if (topic.isEmpty()) {
            return true;
        }
        if (Topics.hasWildcard(topic) && Topics.isValidFilter(topic)) {
            return Topics.matches(topic, rowTopic);
        }
        return rowTopic.contains(topic);
    }

    private boolean containsText(TraceRow row) {
        for (String column : new String[] {row.node(), row.clientId(), row.type(), row.packetId(), row.flags(),
            row.topic(), row.payload()}) {
            if (column.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }
}

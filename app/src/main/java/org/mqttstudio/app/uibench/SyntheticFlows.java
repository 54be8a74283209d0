package org.mqttstudio.app.uibench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.mqttstudio.runtime.RunElement;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.FlowReader;
import org.mqttstudio.trace.FlowSource;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;

/**
 * Message flows made up for the canvas bench and tests, shaped as a run's: a flow source a feeder fills (one
 * reader, bounded, the oldest lost first and counted) and the run's element of each made-up connection, whose client
 * ids are the publishers' and subscribers' client ids and each bridge's id.
 */
public final class SyntheticFlows implements FlowSource {
    private final Object lock = new Object();
    // guarded by lock
    private final List<Queue> readers = new ArrayList<>();
    private long nextId = 1;

    /** One reader's bounded queue. */
    private final class Queue implements FlowReader {
        private final ArrayDeque<MessageFlow> unread = new ArrayDeque<>();
        private final int backlog;
        private long lost;
        private boolean closed;

        Queue(int backlog) {
            this.backlog = backlog;
        }

        @Override
        public List<MessageFlow> poll(int max) {
            synchronized (lock) {
                List<MessageFlow> taken = new ArrayList<>(Math.min(max, unread.size()));
                while (taken.size() < max && !unread.isEmpty()) {
                    taken.add(unread.pollFirst());
                }
                return taken;
            }
        }

        @Override
        public long lostCount() {
            synchronized (lock) {
                return lost;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                unread.clear();
                readers.remove(this);
            }
        }
    }

    @Override
    public FlowReader reader(int backlog) {
        synchronized (lock) {
            Queue reader = new Queue(backlog);
            readers.add(reader);
            return reader;
        }
    }

    @Override
    public List<MessageFlow> snapshot() {
        return List.of();
    }

    /** A new message's id. */
    public long nextId() {
        synchronized (lock) {
            return nextId++;
        }
    }

    /** Hands one flow event to every reader. */
    public void offer(MessageFlow flow) {
        synchronized (lock) {
            for (Queue reader : readers) {
                if (reader.closed) {
                    continue;
                }
                if (reader.unread.size() == reader.backlog) {
                    reader.unread.pollFirst();
                    reader.lost++;
                }
                reader.unread.addLast(flow);
            }
        }
    }

    /** The run's element of a made-up connection at a broker of {@code topology}. */
    public static BiFunction<String, String, RunElement> elements(Topology topology) {
        Map<String, RunElement> byClient = new HashMap<>();
        topology.publishers().forEach(p -> byClient.put(p.client().clientId(),
                new RunElement(p.id(), RunElement.Kind.PUBLISHER)));
        topology.subscribers().forEach(s -> byClient.put(s.client().clientId(),
                new RunElement(s.id(), RunElement.Kind.SUBSCRIBER)));
        topology.bridges().forEach(b -> byClient.put(b.id(), new RunElement(b.id(), RunElement.Kind.BRIDGE)));
        Map<String, RunElement> elements = Map.copyOf(byClient);
        return (node, clientId) -> clientId == null ? new RunElement(node, RunElement.Kind.BROKER)
                : elements.getOrDefault(clientId, new RunElement(node, RunElement.Kind.OUTSIDE_CLIENT));
    }

    /** A QoS 0 hop of a message: its PUBLISH at {@code node} on the connection of {@code clientId}. */
    public static FlowHop hop(String node, String clientId, PacketDirection direction, String topic, Instant at) {
        return new FlowHop(node, Math.abs(clientId.hashCode()), clientId, direction, topic, 0, null, false, at,
                List.of());
    }

    public static MessageFlow flow(long id, String payload, List<FlowHop> hops) {
        return new MessageFlow(id, payload.getBytes(StandardCharsets.UTF_8), hops, true);
    }

    /** The four hops of a temperature message of the challenge: Publisher2 → BB2 → BB3 → Central → subscriber. */
    public static List<FlowHop> challengeTemperature(Instant at) {
        return List.of(hop("bridge-broker-2", "publisher2", PacketDirection.CLIENT_TO_BROKER, "srv/temperature", at),
                hop("bridge-broker-3", "bridge2_bridge3", PacketDirection.CLIENT_TO_BROKER, "srv/temperature", at),
                hop("central", "bridge3_central", PacketDirection.CLIENT_TO_BROKER, "srv/temperature", at),
                hop("central", "subscriber_temperature", PacketDirection.BROKER_TO_CLIENT, "srv/temperature", at));
    }

    /** The three hops of a humidity message of the challenge: Publisher1 → BB1 → Central → subscriber. */
    public static List<FlowHop> challengeHumidity(Instant at) {
        return List.of(hop("bridge-broker-1", "publisher1", PacketDirection.CLIENT_TO_BROKER, "srv/humidity", at),
                hop("central", "bridge1_central", PacketDirection.CLIENT_TO_BROKER, "srv/humidity", at),
                hop("central", "subscriber_humidity", PacketDirection.BROKER_TO_CLIENT, "srv/humidity", at));
    }
}

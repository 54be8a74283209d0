package org.mqttstudio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;

/**
 * The topologies the bench runs, each broker at mosquitto's defaults but for the queue per client, which is set
 * the same on every broker and runtime ({@code max_queued_messages}, HiveMQ's {@code max-queue-size}).
 */
final class BenchTopologies {
    /** The challenge's brokers: publishers go to the first two, subscribers to the last. */
    static final String BRIDGE_BROKER_1 = "bridge-broker-1";
    static final String BRIDGE_BROKER_2 = "bridge-broker-2";
    static final String CENTRAL = "central";

    private BenchTopologies() {
    }

    /** One broker, one MQTT listener, anonymous clients allowed. */
    static Topology single(int queuePerClient) {
        return Topology.of("bench", List.of(withQueue(Broker.simple("bench", "bench", 1883, true, Position.ORIGIN),
                queuePerClient)), List.of(), List.of(), List.of(), List.of());
    }

    /** {@code count} unconnected brokers, as {@link #single}, on consecutive designed ports. */
    static Topology many(int count, int queuePerClient) {
        return Topology.of("bench-" + count, IntStream.range(0, count).mapToObj(i -> withQueue(Broker.simple(
                "bench-" + i, "bench-" + i, 1883 + i, true, Position.ORIGIN), queuePerClient)).toList(),
                List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The challenge sample's brokers and bridges (BridgeBroker1 → Central, BridgeBroker2 → BridgeBroker3 →
     * Central, all carrying {@code srv/#}) without its own publishers and subscribers.
     */
    static Topology challenge(Path sample, int queuePerClient) {
        Topology read = read(sample);
        Topology bare = read.without(Stream.concat(read.publishers().stream().map(p -> p.id()),
                read.subscribers().stream().map(s -> s.id())).collect(Collectors.toSet()));
        for (Broker broker : bare.brokers()) {
            bare = bare.withNode(withQueue(broker, queuePerClient));
        }
        for (String id : Set.of(BRIDGE_BROKER_1, BRIDGE_BROKER_2, CENTRAL)) {
            if (bare.broker(id).isEmpty()) {
                throw new IllegalArgumentException(sample + " has no broker '" + id + "'");
            }
        }
        return bare;
    }

    /** The challenge sample: {@code studio.samples} (set by {@code ./studio}) or {@code samples/} above here. */
    static Path challengeFile() {
        String samples = System.getProperty("studio.samples");
        if (samples != null) {
            return Path.of(samples, "challenge.json");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("samples").resolve("challenge.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("samples/challenge.json not found (run through ./studio)");
    }

    static Topology read(Path file) {
        try {
            return new TopologyJson().read(file);
        } catch (TopologyFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static Path write(Topology topology, Path file) {
        try {
            new TopologyJson().write(topology, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The one MQTT listener port of the single broker. */

    private static Broker withQueue(Broker b, int queuePerClient) {
        BrokerLimits l = b.limits();
        return new Broker(b.id(), b.name(), b.host(), b.listeners(), b.allowAnonymous(), b.users(), b.acl(),
                b.persistence(), b.logging(), new BrokerLimits(l.maxQos(), l.maxInflightMessages(), queuePerClient,
                l.queueQos0Messages(), l.retainAvailable()), b.extraOptions(), b.position());
    }
}

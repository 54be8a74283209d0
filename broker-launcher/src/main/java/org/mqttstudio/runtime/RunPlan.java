package org.mqttstudio.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/** What a run is made of before anything starts: the topology, its options, its ports, its folder and start order. */
final class RunPlan {
    private final Topology topology;
    private final RunOptions options;
    private final PortPlan ports;
    private final Path runDir;
    private final boolean ownRunDir;
    /** Lets the embedded brokers know the local sides of this run's bridges. */
    private final LocalBridgeSecret bridgeSecret = LocalBridgeSecret.random();

    private RunPlan(Topology topology, RunOptions options, PortPlan ports, Path runDir, boolean ownRunDir) {
        this.topology = topology;
        this.options = options;
        this.ports = ports;
        this.runDir = runDir;
        this.ownRunDir = ownRunDir;
    }

    /**
     * Plans the ports and makes the run folder.
     *
     * @throws IllegalArgumentException when the port offset moves a port outside 1..65535
     * @throws IllegalStateException when the mosquitto runtime is asked for and mosquitto is missing
     * @throws UncheckedIOException when the run folder cannot be made
     */
    static RunPlan of(Topology topology, RunOptions options) {
        if (options.runtime() == RunOptions.Runtime.MOSQUITTO && MosquittoBroker.executable().isEmpty()) {
            throw new IllegalStateException(MosquittoBroker.NOT_INSTALLED);
        }
        PortPlan ports = PortPlan.of(topology, options.portOffset());
        Path runDir;
        try {
            runDir = options.runDir() == null ? Files.createTempDirectory("mqtt-studio-run-")
                    : Files.createDirectories(options.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder: " + e.getMessage(), e);
        }
        return new RunPlan(topology, options, ports, runDir, options.runDir() == null);
    }

    Topology topology() {
        return topology;
    }

    RunOptions options() {
        return options;
    }

    PortPlan ports() {
        return ports;
    }

    Path runDir() {
        return runDir;
    }

    boolean mosquitto() {
        return options.runtime() == RunOptions.Runtime.MOSQUITTO;
    }

    /** Bridge targets before their sources, so that mosquitto's bridges find their remote up at once. */
    List<Broker> brokersTargetsFirst() {
        Map<String, Integer> depth = new HashMap<>();
        topology.brokers().forEach(b -> depth.put(b.id(), 0));
        for (int round = 0; round < topology.brokers().size(); round++) {
            for (Bridge b : topology.bridges()) {
                if (depth.containsKey(b.to())) {
                    depth.put(b.to(), Math.max(depth.get(b.to()), Math.min(depth.get(b.from()) + 1, 1000)));
                }
            }
        }
        return topology.brokers().stream()
                .sorted(Comparator.comparing((Broker b) -> depth.get(b.id())).reversed()).toList();
    }

    /** The elements to wait for before publishing: who forwards or receives the first messages. */
    List<String> listenersBeforePublishers() {
        return Stream.concat(topology.bridges().stream().map(Bridge::id),
                topology.subscribers().stream().map(Subscriber::id)).toList();
    }

    /** Deletes the run folder if this run made it (a temporary one). */
    void deleteOwnRunDir() {
        if (!ownRunDir) {
            return;
        }
        try (Stream<Path> paths = Files.walk(runDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** The run's secret that the local side of each embedded bridge shows its own broker. */
    LocalBridgeSecret bridgeSecret() {
        return bridgeSecret;
    }
}

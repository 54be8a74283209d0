package org.mqttstudio.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mqttstudio.runtime.BrokerSecurity;
import org.mqttstudio.runtime.BrokerStartException;
import org.mqttstudio.runtime.EmbeddedBroker;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;

/**
 * What the bench measures, in a JVM of its own so that it can be pinned to its own core away from the load
 * generator. Arguments: {@code MODE RUN_DIR TOPOLOGY_FILE}, where MODE is {@code bare} (the embedded broker alone) or
 * {@code run-embedded} / {@code run-mosquitto} (the topology as {@code studio run} runs it: wire taps recording every
 * packet, the {@code $} filter where the Studio turns it on, bridges). Prints {@code port BROKER_ID N} per broker,
 * {@code up MILLIS} once every bridge is connected, {@code heap BYTES} in use after a collection, then
 * {@code ready}; ends when its standard input closes.
 */
public final class BenchBrokerMain {
    static final String PORT_LINE = "port ";
    static final String UP_LINE = "up ";
    static final String HEAP_LINE = "heap ";
    static final String READY_LINE = "ready";
    private static final long UP_TIMEOUT_MILLIS = 60_000;

    private BenchBrokerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3 || !Set.of("bare", "run-embedded", "run-mosquitto").contains(args[0])) {
            System.err.println("usage: BenchBrokerMain bare|run-embedded|run-mosquitto RUN_DIR TOPOLOGY_FILE");
            System.exit(2);
        }
        Topology topology = BenchTopologies.read(Path.of(args[2]));
        long start = System.nanoTime();
        TopologyRunner runner = null;
        if (args[0].equals("bare")) {
            startBare(topology, Path.of(args[1]));
        } else {
            runner = startRun(topology, Path.of(args[1]), args[0].equals("run-embedded")
                    ? RunOptions.Runtime.EMBEDDED : RunOptions.Runtime.MOSQUITTO);
        }
        System.out.println(UP_LINE + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        System.gc(); // what the brokers keep, not what starting them left behind
        System.out.println(HEAP_LINE + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        System.out.println(READY_LINE);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // The bench closes our input when it is done with us.
        }
        if (runner != null && runner.options().runtime() == RunOptions.Runtime.MOSQUITTO) {
            runner.close(); // mosquitto processes would outlive us
        }
        // HiveMQ's clean stop takes ~4 s; its data is in memory and the bench deletes its folder.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The topology's first broker, embedded without the Studio's additions: no taps, no {@code $} filter, no
     * bridge handling (on a free port).
     */
    private static void startBare(Topology topology, Path runDir) {
        Broker node = topology.brokers().get(0);
        Listener listener = node.mqttListener().orElseThrow();
        EmbeddedBroker broker = new EmbeddedBroker(node, runDir, Map.of(listener, FreePorts.one()),
                BrokerSecurity.OPEN, Set.of());
        try {
            broker.start();
        } catch (BrokerStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println(PORT_LINE + node.id() + " " + broker.ports().get(listener));
    }

    /** The topology as {@code studio run} runs it, on free ports; returns once every bridge is connected. */
    private static TopologyRunner startRun(Topology topology, Path runDir, RunOptions.Runtime runtime)
            throws InterruptedException {
        int offset = FreePorts.offsetFor(topology.brokers().stream()
                .flatMap(b -> b.listeners().stream().map(Listener::port)).toList());
        TopologyRunner runner = TopologyRunner.start(topology, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(offset).withRunDir(runDir));
        long deadline = System.currentTimeMillis() + UP_TIMEOUT_MILLIS;
        while (!Stream.concat(topology.brokers().stream().map(Broker::id),
                topology.bridges().stream().map(b -> b.id())).allMatch(id -> runner.status(id)
                .map(s -> s.state() == NodeStatus.State.RUNNING).orElse(false))) {
            if (System.currentTimeMillis() > deadline) {
                System.err.println("not up after " + UP_TIMEOUT_MILLIS + " ms: " + runner.statuses().values());
                System.exit(1);
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling the statuses: the runner has no "all up" signal
        }
        for (Broker broker : topology.brokers()) {
            System.out.println(PORT_LINE + broker.id() + " " + runner.ports()
                    .nodePort(broker.mqttListener().orElseThrow()));
        }
        return runner;
    }
}

package org.mqttstudio.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.mqttstudio.runtime.BrokerSecurity;
import org.mqttstudio.runtime.BrokerStartException;
import org.mqttstudio.runtime.EmbeddedBroker;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.trace.Recorder;
import org.mqttstudio.trace.WireTap;

/**
 * The embedded broker as the bench runs it: in a JVM of its own, so that it can be pinned to its own core away
 * from the load generator. Arguments: {@code bare|tapped RUN_DIR}. Prints {@code port N} once clients can connect
 * (behind a tap recording into a {@link Recorder} when tapped), and ends when its standard input closes.
 */
public final class BenchBrokerMain {
    static final String PORT_LINE = "port ";

    private BenchBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("bare") || args[0].equals("tapped"))) {
            System.err.println("usage: BenchBrokerMain bare|tapped RUN_DIR");
            System.exit(2);
        }
        Broker node = Broker.simple("bench", "bench", 1883, true, Position.ORIGIN);
        Listener listener = node.listeners().get(0);
        EmbeddedBroker broker = new EmbeddedBroker(node, Path.of(args[1]), Map.of(listener, 0), BrokerSecurity.OPEN,
                Set.of());
        try {
            broker.start();
        } catch (BrokerStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        int port = broker.ports().get(listener);
        if (args[0].equals("tapped")) {
            WireTap tap = WireTap.start("bench", new InetSocketAddress("127.0.0.1", 0),
                    new InetSocketAddress("127.0.0.1", port), new Recorder());
            port = tap.port();
        }
        System.out.println(PORT_LINE + port);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // The bench closes our input when it is done with us.
        }
        // HiveMQ's clean stop takes ~4 s; its data is in memory and the bench deletes its folder.
        Runtime.getRuntime().halt(0);
    }
}

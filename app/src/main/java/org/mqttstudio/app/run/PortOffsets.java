package org.mqttstudio.app.run;

import java.util.List;
import java.util.Optional;
import org.mqttstudio.runtime.LoopbackPorts;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/**
 * Which designed ports are taken on this machine (a system mosquitto on 1883 is common) and which port offset avoids
 * them: the smallest multiple of 1000 that frees every port, so that 1883 becomes 2883 and the ports stay readable.
 */
public final class PortOffsets {
    private static final int STEP = 1000;
    private static final int MAX_PORT = 65_535;

    private PortOffsets() {
    }

    /** The brokers' listener ports as designed, in order. */
    public static List<Integer> designed(Topology topology) {
        return topology.brokers().stream().map(Broker::listeners).flatMap(List::stream).map(l -> l.port())
                .distinct().toList();
    }

    /** The first port that is taken with this offset, if any. */
    public static Optional<Integer> firstTaken(Topology topology, int offset) {
        return designed(topology).stream().map(p -> p + offset).filter(PortOffsets::taken).findFirst();
    }

    /** 0 when every designed port is free, else the smallest offset (a multiple of 1000) that frees them all. */
    public static int suggest(Topology topology) {
        List<Integer> ports = designed(topology);
        int highest = ports.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int offset = 0; highest + offset <= MAX_PORT; offset += STEP) {
            if (firstTaken(topology, offset).isEmpty()) {
                return offset;
            }
        }
        return 0;
    }

    /** Whether a broker could not listen on {@code port} of 127.0.0.1 now (bound as the brokers bind). */
    public static boolean taken(int port) {
        return LoopbackPorts.inUse(port);
    }
}

package org.mqttstudio.app.sequence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.mqttstudio.topology.Topology;

/**
 * A port offset that moves a topology's designed ports onto free ones on 127.0.0.1, probed below 32768 (Linux hands
 * out ephemeral ports above, so a client's outgoing port cannot take one later).
 */
final class RunPorts {
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 32_000;

    private RunPorts() {
    }

    static int freeOffset(Topology topology) {
        List<Integer> ports = topology.brokers().stream()
                .flatMap(b -> b.listeners().stream().map(l -> l.port())).toList();
        int lowest = ports.stream().min(Integer::compare).orElseThrow();
        int span = ports.stream().max(Integer::compare).orElseThrow() - lowest + 1;
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - span);
            if (allFree(base, span)) {
                return base - lowest;
            }
        }
        throw new IllegalStateException("no " + span + " consecutive free ports on 127.0.0.1 in " + LOWEST + ".."
                + HIGHEST);
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}

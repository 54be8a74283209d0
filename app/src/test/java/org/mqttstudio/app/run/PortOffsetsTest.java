package org.mqttstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/** A designed port someone already listens on is detected, and the suggested offset frees every port. */
class PortOffsetsTest {
    @Test
    void aTakenPortGetsAnOffsetThatFreesEveryPort() throws IOException {
        try (ServerSocket squatter = listenBelow(60_000)) {
            int taken = squatter.getLocalPort();
            Topology topology = Topology.empty()
                    .withNode(Broker.simple("b1", "B1", taken, true, Position.ORIGIN));

            assertThat(PortOffsets.firstTaken(topology, 0)).contains(taken);
            int offset = PortOffsets.suggest(topology);
            assertThat(offset).isPositive().isEqualTo(offset / 1000 * 1000);
            assertThat(PortOffsets.firstTaken(topology, offset)).isEmpty();
        }
    }

    @Test
    void freePortsNeedNoOffset() throws IOException {
        int free;
        try (ServerSocket probe = listenBelow(60_000)) {
            free = probe.getLocalPort();
        }
        Topology topology = Topology.empty()
                .withNode(Broker.simple("b1", "B1", free, true, Position.ORIGIN));
        assertThat(PortOffsets.suggest(topology)).isZero();
    }

    private static ServerSocket listenBelow(int limit) throws IOException {
        while (true) {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            if (socket.getLocalPort() < limit) {
                return socket;
            }
            socket.close();
        }
    }
}

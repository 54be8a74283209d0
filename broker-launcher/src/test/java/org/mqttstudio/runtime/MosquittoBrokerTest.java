package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;

/** A real mosquitto's start: it listens on its own port, or says which port someone else holds. */
class MosquittoBrokerTest {
    private final Broker node = Broker.simple("central", null, 1883, true, null);
    private final Listener listener = node.listeners().get(0);
    private final Topology topology = Topology.of("one", List.of(node), List.of(), List.of(), List.of(), List.of());

    @TempDir
    Path runDir;

    @BeforeEach
    void needsMosquitto() {
        MosquittoProcesses.requireInstalled();
    }

    @Test
    void startsOnItsPort() throws Exception {
        int port = LoopbackPorts.free();
        MosquittoBroker broker = broker(port);
        try {
            broker.start();
            try (TestClient client = TestClient.connect(port)) {
                assertThat(client.connected()).isTrue();
            }
        } finally {
            broker.stopAsync().join();
        }
    }

    @Test
    void aPortThatAcceptsForSomeoneElseIsInUse() throws Exception {
        // the kernel accepts connections for a listening socket before anyone calls accept(): as another broker would
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            MosquittoBroker broker = broker(port);
            try {
                assertThatThrownBy(broker::start).isInstanceOfSatisfying(PortInUseException.class,
                        e -> assertThat(e.port()).isEqualTo(port))
                        .hasMessage("broker 'central': port " + port + " is in use");
            } finally {
                broker.stopAsync().join();
            }
        }
    }

    private MosquittoBroker broker(int port) {
        return new MosquittoBroker(topology, node, runDir, Map.of(listener, port), PortPlan.of(topology, 0));
    }
}

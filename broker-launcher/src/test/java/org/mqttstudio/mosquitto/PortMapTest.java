package org.mqttstudio.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/** The conf writer's port-mapping variant, as the mosquitto runtime uses it. */
class PortMapTest {
    private final Topology challenge = Samples.load("challenge");
    private final MosquittoConfWriter writer = new MosquittoConfWriter();

    @Test
    void listenersAndBridgeAddressesComeFromTheMap() {
        Broker bb3 = challenge.broker("bridge-broker-3").orElseThrow();
        PortMap map = new PortMap() {
            @Override
            public int listenerPort(Broker broker, Listener listener) {
                return 40000 + listener.port();
            }

            @Override
            public String bridgeAddress(Node target) {
                return "127.0.0.1:5" + target.id().length();
            }
        };

        String conf = writer.write(challenge, bb3, map);

        assertThat(conf).contains("\nlistener 41886\n").contains("\naddress 127.0.0.1:57\n"); // "central"
    }

    @Test
    void theOffsetMapWritesWhatTheOffsetVariantWrites() {
        for (Broker b : challenge.brokers()) {
            assertThat(writer.write(challenge, b, PortMap.offset(7))).isEqualTo(writer.write(challenge, b, 7));
        }
    }
}

package org.mqttstudio.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;

/** Embedded brokers a test started on free ports, all stopped together at the end. */
final class RunningBrokers implements AutoCloseable {
    private final Path runDir;
    private final List<EmbeddedBroker> brokers = new ArrayList<>();

    RunningBrokers(Path runDir) {
        this.runDir = runDir;
    }

    /** A new, not yet started broker whose listeners all take free ports. */
    EmbeddedBroker create(Broker node, BrokerSecurity security) {
        Map<Listener, Integer> freePorts = node.listeners().stream().collect(Collectors.toMap(l -> l, l -> 0));
        return create(node, freePorts, security);
    }

    EmbeddedBroker create(Broker node, Map<Listener, Integer> ports, BrokerSecurity security) {
        EmbeddedBroker broker = new EmbeddedBroker(node, runDir, ports, security);
        brokers.add(broker);
        return broker;
    }

    EmbeddedBroker start(Broker node, BrokerSecurity security) throws BrokerStartException {
        EmbeddedBroker broker = create(node, security);
        broker.start();
        return broker;
    }

    /** The port of the broker's first MQTT listener. */
    static int mqttPort(EmbeddedBroker broker) {
        return broker.ports().get(broker.node().mqttListener().orElseThrow());
    }

    @Override
    public void close() {
        EmbeddedBroker.stopAll(brokers).join();
    }
}

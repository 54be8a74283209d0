package org.mqttstudio.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mqttstudio.mosquitto.MosquittoConfWriter;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.mosquitto.PortMap;
import org.mqttstudio.runtime.RawMqttClient.Packet;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/**
 * One broker node running on real mosquitto (from the exported mosquitto.conf) and on the embedded runtime side by
 * side, on free loopback ports, for a test class that runs each test against both: register it as a static
 * {@code @RegisterExtension} field; both brokers start before the class's tests and stop after them.
 */
final class TwoRuntimes implements BeforeAllCallback, AfterAllCallback {
    enum Runtime { MOSQUITTO, EMBEDDED }

    private final MosquittoProcesses mosquitto = new MosquittoProcesses();
    private final AtomicInteger names = new AtomicInteger();
    private final Broker node;
    private final String prefix;
    private RunningBrokers embedded;
    private int mosquittoPort;
    private int embeddedPort;

    /** @param prefix the first topic level of every {@link #unique} name, e.g. the test's theme */
    TwoRuntimes(Broker node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, BrokerStartException {
        mosquittoPort = FreePorts.one();
        Topology topology = Topology.of(prefix, List.of(node), List.of(), List.of(), List.of(), List.of());
        String conf = new MosquittoConfWriter().write(topology, node, PortMap.offset(mosquittoPort - 1883));
        mosquitto.start("mosquitto", Files.writeString(mosquitto.folder().resolve("mosquitto.conf"), conf),
                mosquittoPort);
        embedded = new RunningBrokers(mosquitto.folder().resolve("embedded"));
        embeddedPort = RunningBrokers.mqttPort(embedded.start(node, BrokerSecurity.OPEN));
    }

    int port(Runtime runtime) {
        return runtime == Runtime.MOSQUITTO ? mosquittoPort : embeddedPort;
    }

    /** A topic used by one test only: the brokers live for the whole class. */
    String unique(String name) {
        return prefix + "/" + name + "-" + names.incrementAndGet();
    }

    /** A client id used by one test only. */
    String clientId(String name) {
        return unique(name).replace('/', '-');
    }

    static List<String> payloads(List<Packet> packets) {
        return packets.stream().map(Packet::payload).toList();
    }

    /** Runs after the class's tests, and after a failed {@link #beforeAll}: stops what did start. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        if (embedded != null) {
            embedded.close();
        }
        mosquitto.close();
    }
}

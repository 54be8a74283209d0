package org.mqttstudio.runtime;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;

/**
 * One HiveMQ CE instance running one broker node of a topology, in its own folder
 * {@code <runDir>/<brokerId>/{conf,data,extensions}}, listening on 127.0.0.1 and applying the
 * node's {@link BrokerSecurity}. An instance starts once: after {@link #stop()} build a new one
 * (HiveMQ cannot start a stopped instance again).
 */
public final class EmbeddedBroker {
    /**
     * HiveMQ hands an extension its services through one JVM-wide static lookup; starting brokers
     * one at a time keeps each extension on its own broker's services (starts after the first take
     * ~0.1 s).
     */
    private static final Object START_LOCK = new Object();

    private enum State { NEW, RUNNING, STOPPED }

    private final Broker node;
    private final Path folder;
    private final Map<Listener, Integer> requestedPorts;
    private final BrokerSecurity security;
    private final Set<String> bridgeClientIds;
    private final boolean dollarTopics;
    private final LocalBridgeSecret bridgeSecret;

    private State state = State.NEW;
    private EmbeddedHiveMQ hivemq;
    private Map<Listener, Integer> ports = Map.of();
    private CompletableFuture<Void> stopped;

    /**
     * A broker no bridge of the Studio uses as its local broker.
     *
     * @param runDir the run's folder; the broker uses {@code runDir/<node id>}
     * @param ports the port each listener of the node binds instead of its own (e.g. the internal
     *     port behind a wire tap); 0 picks a free port; a listener missing here binds its own port
     */
    public EmbeddedBroker(Broker node, Path runDir, Map<Listener, Integer> ports, BrokerSecurity security) {
        this(node, runDir, ports, security, Set.of(), true);
    }

    /**
     * A broker no bridge of the Studio uses as its local broker.
     *
     * @param bridgeClientIds client ids of the bridges that connect to this broker with mosquitto's
     *     {@code try_private} (see {@link BridgeConnection#privateClientIds}): like mosquitto, the broker
     *     never sends such a client back what it published (no-local) and keeps the retain flag of
     *     what it sends it (retain-as-published)
     * @param dollarTopics whether '$' topics are published on this broker (as {@link TopologyRunner} asks
     *     {@link DollarTopicDelivery#neededOn}): only then does it pay for keeping '#' and '+' subscriptions
     *     away from them ({@link KnownDifferences#DOLLAR_FILTER})
     */
    public EmbeddedBroker(Broker node, Path runDir, Map<Listener, Integer> ports, BrokerSecurity security,
            Set<String> bridgeClientIds, boolean dollarTopics) {
        this(node, runDir, ports, security, bridgeClientIds, dollarTopics, LocalBridgeSecret.random());
    }

    /**
     * @param bridgeSecret the run's secret: a connection that shows it is the local side of a bridge on this
     *     broker, admitted and never ACL-checked, as mosquitto runs that side inside the broker
     *     ({@link LocalBridgeSecret}); give the same one to the {@link BridgeConnection}s from this broker
     */
    public EmbeddedBroker(Broker node, Path runDir, Map<Listener, Integer> ports, BrokerSecurity security,
            Set<String> bridgeClientIds, boolean dollarTopics, LocalBridgeSecret bridgeSecret) {
        this.node = node;
        this.dollarTopics = dollarTopics;
        this.folder = runDir.resolve(node.id());
        this.requestedPorts = Map.copyOf(ports);
        this.security = security;
        this.bridgeClientIds = Set.copyOf(bridgeClientIds);
        this.bridgeSecret = Objects.requireNonNull(bridgeSecret, "bridgeSecret");
        requestedPorts.keySet().stream().filter(listener -> !node.listeners().contains(listener)).findFirst()
                .ifPresent(listener -> {
                    throw new IllegalArgumentException("broker '" + node.id() + "' has no listener on port "
                            + listener.port());
                });
    }

    public Broker node() {
        return node;
    }

    /** The port each listener is bound to, once started (empty before). */
    public synchronized Map<Listener, Integer> ports() {
        return ports;
    }

    /**
     * Writes the broker's folder and starts it; returns once it answers on each of its ports itself.
     *
     * @throws BrokerStartException e.g. "broker 'central': port 1884 is in use" ({@link PortInUseException}, also
     *     when another broker answers on the port: HiveMQ starts without a listener it cannot bind)
     * @throws IllegalStateException when started before or stopped
     */
    public synchronized void start() throws BrokerStartException {
        if (state != State.NEW) {
            throw new IllegalStateException(
                    "broker '" + node.id() + "' was started or stopped before; build a new one");
        }
        if (node.listeners().isEmpty()) {
            throw failure("it has no listener");
        }
        state = State.RUNNING;
        ListenerOwnership ownership = new ListenerOwnership();
        try {
            ports = choosePorts();
            writeFolder();
            synchronized (START_LOCK) {
                // mosquitto lets clients publish to '$' topics (a bridge's $SYS/broker/connection/.../state
                // notification); HiveMQ disconnects them unless this JVM-wide internal switch is on. With it
                // on HiveMQ also matches them with '#' and '+/...': DollarTopicDelivery undoes that where needed
                InternalConfigurations.MQTT_ALLOW_DOLLAR_TOPICS.set(true);
                hivemq = EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(folder.resolve("conf"))
                        .withDataFolder(folder.resolve("data"))
                        .withExtensionsFolder(folder.resolve("extensions"))
                        .withEmbeddedExtension(SecurityExtension.embedded(security, bridgeSecret, bridgeClientIds,
                                node.limits().effectiveMaxQos(), dollarTopics, ownership))
                        .withoutLoggingBootstrap()
                        .build();
                startOrFindTakenPort();
            }
            checkOwnListeners(ownership);
        } catch (BrokerStartException | RuntimeException e) {
            stopAsync();
            throw e instanceof BrokerStartException bse ? bse
                    : failure("HiveMQ did not start (" + rootMessage(e) + ")", e);
        }
    }

    /** Stops and closes the broker (~4 s) and waits for it; safe to call again. */
    public void stop() {
        stopAsync().join();
    }

    /** Stops and closes the broker on a thread of its own; the same future on every call. */
    public synchronized CompletableFuture<Void> stopAsync() {
        if (stopped == null) {
            EmbeddedHiveMQ instance = hivemq;
            state = State.STOPPED;
            stopped = instance == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> close(instance),
                            task -> new Thread(task, "stop-broker-" + node.id()).start());
        }
        return stopped;
    }

    /** Stops brokers in parallel: all together take about as long as one. */
    public static CompletableFuture<Void> stopAll(Collection<EmbeddedBroker> brokers) {
        return CompletableFuture.allOf(brokers.stream().map(EmbeddedBroker::stopAsync)
                .toArray(CompletableFuture[]::new));
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + node.id() + " " + ports().values() + "]";
    }

    /** Ports are not probed here (one may be taken between a probe and HiveMQ's bind): the start checks them. */
    private Map<Listener, Integer> choosePorts() {
        Map<Listener, Integer> chosen = new LinkedHashMap<>();
        for (Listener listener : node.listeners()) {
            int port = requestedPorts.getOrDefault(listener, listener.port());
            chosen.put(listener, port == 0 ? LoopbackPorts.free() : port);
        }
        return Map.copyOf(chosen);
    }

    private void writeFolder() throws BrokerStartException {
        Path config = folder.resolve("conf").resolve("config.xml");
        try {
            Files.createDirectories(config.getParent());
            Files.createDirectories(folder.resolve("data"));
            Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(config, HiveMqConfig.xml(ports, node.persistence().enabled(), node.limits()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("cannot write " + config + " (" + e.getMessage() + ")", e);
        }
    }

    /** HiveMQ gives up when it can bind none of its listeners: a port someone else holds is the one line to say. */
    private void startOrFindTakenPort() throws PortInUseException {
        try {
            hivemq.start().join();
        } catch (RuntimeException e) {
            for (int port : ports.values()) {
                if (LoopbackPorts.inUse(port)) {
                    throw new PortInUseException(node.id(), port);
                }
            }
            throw e;
        }
    }

    /** HiveMQ logs a listener it could not bind and starts without it: the port may answer, but for another broker. */
    private void checkOwnListeners(ListenerOwnership ownership) throws PortInUseException {
        for (Map.Entry<Listener, Integer> listener : ports.entrySet()) {
            if (!ownership.owns(listener.getKey(), listener.getValue())) {
                throw new PortInUseException(node.id(), listener.getValue());
            }
        }
    }

    private BrokerStartException failure(String reason) {
        return new BrokerStartException("broker '" + node.id() + "': " + reason);
    }

    private BrokerStartException failure(String reason, Throwable cause) {
        return new BrokerStartException("broker '" + node.id() + "': " + reason, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void close(EmbeddedHiveMQ instance) {
        try {
            instance.close(); // stops the broker, then ends its state-change thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}

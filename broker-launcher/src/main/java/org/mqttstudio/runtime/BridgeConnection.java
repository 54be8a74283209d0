package org.mqttstudio.runtime;

import java.util.function.Consumer;
import org.mqttstudio.topology.Bridge;

/** One mosquitto-style bridge run by the Studio between two brokers (embedded runtime). */
public final class BridgeConnection implements AutoCloseable {
    private final Bridge bridge;
    private final Endpoint local;
    private final Endpoint remote;
    private final String hostname;
    private final Consumer<NodeStatus> status;

    /**
     * @param local the local broker's internal listener (the bridge is internal to its broker)
     * @param remote the remote node's designed port (the tap in front of it)
     * @param hostname the machine name used in mosquitto's default client ids
     * @param status receives STARTING, RUNNING, FAILED with the reason, STOPPED; called from bridge threads
     */
    public BridgeConnection(Bridge bridge, Endpoint local, Endpoint remote, String hostname,
            Consumer<NodeStatus> status) {
        this.bridge = bridge;
        this.local = local;
        this.remote = remote;
        this.hostname = hostname;
        this.status = status;
    }

    /** Returns at once; connects and reconnects in the background. */
    public void start() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether both sides are connected. */
    public boolean isConnected() {
        return false;
    }

    /** Disconnects both sides and stops retrying. */
    @Override
    public void close() {
        status.accept(NodeStatus.now(bridge.id(), NodeStatus.State.STOPPED, ""));
    }
}

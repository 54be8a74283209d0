package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.mqttstudio.routing.RemoteSubscriptions;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Topology;

/**
 * One mosquitto-style bridge run by the Studio between two brokers (embedded runtime): a client
 * on the local broker and one on the remote, each a single hivemq-mqtt-client instance kept for
 * the bridge's life so that its session survives drops.
 *
 * <p>As in mosquitto: out/both rules subscribe locally and forward with the prefixes swapped,
 * in/both rules subscribe remotely and deliver locally; QoS is capped by the rule; the retain flag
 * crosses as published. The local side stands in for mosquitto's internal bridge context: it
 * speaks MQTT 5 with no-local, retain-as-published subscriptions, so what the bridge delivers
 * locally never goes back out; it logs in with the run's {@link LocalBridgeSecret} only, so its broker
 * admits it and applies no ACL to it, whatever its users and {@code allow_anonymous} (as measured on
 * mosquitto 2.0.11). On the remote, {@code try_private} (default) is honoured by an
 * embedded remote that knows the bridge's client id ({@link #privateClientIds}); with MQTT 5 to
 * the remote the bridge also asks for no-local itself. With {@code try_private false} the remote
 * echoes once, as measured on mosquitto 2.0.11.
 *
 * <p>Notifications: retained {@code 0} locally before the first attempt, retained {@code 1} on the
 * remote and locally on every connect, {@code 0} on the remote by last will when the link dies
 * (and locally, so local watchers see it), and {@code 0} on both when closed. {@code start_type
 * lazy} runs as automatic; {@code once} never retries. Received messages are handled on one thread
 * per direction, in order, never on hivemq's callback threads.
 */
public final class BridgeConnection implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    private static final byte[] UP = "1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "0".getBytes(StandardCharsets.UTF_8);

    private final Bridge bridge;
    private final Endpoint local;
    private final Endpoint remote;
    private final LocalBridgeSecret localSecret;
    private final String hostname;
    private final Consumer<NodeStatus> status;
    private final BridgeRoutes routes;
    /** Delivers locally what came from the remote, in order. */
    private final ExecutorService inbound;
    /** Forwards to the remote what arrived locally, in order. */
    private final ExecutorService outbound;
    private final Backoff localBackoff;
    private final Backoff remoteBackoff;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean localSubscribed = new AtomicBoolean();
    private final AtomicBoolean remoteStarted = new AtomicBoolean();
    private final AtomicBoolean remoteSubscribed = new AtomicBoolean();
    private volatile boolean closed;
    private BridgeClient localClient;
    private BridgeClient remoteClient;

    /**
     * @param local the local broker's internal listener (the bridge is internal to its broker)
     * @param remote the remote node's designed port (the tap in front of it)
     * @param localSecret the secret the local broker was given ({@link EmbeddedBroker}): the local side shows it
     *     instead of logging in, and the local ACL does not apply to it, as in mosquitto
     * @param hostname the machine name used in mosquitto's default client ids
     * @param status receives STARTING, RUNNING, FAILED with the reason, STOPPED; called from bridge
     *     and hivemq threads, so it must be quick and thread-safe
     */
    public BridgeConnection(Bridge bridge, Endpoint local, Endpoint remote, LocalBridgeSecret localSecret,
            String hostname, Consumer<NodeStatus> status) {
        this.bridge = bridge;
        this.local = local;
        this.remote = remote;
        this.localSecret = localSecret;
        this.hostname = hostname;
        this.status = status;
        this.routes = new BridgeRoutes(bridge.rules());
        this.inbound = Executors.newSingleThreadExecutor(daemon("bridge-" + bridge.id() + "-in"));
        this.outbound = Executors.newSingleThreadExecutor(daemon("bridge-" + bridge.id() + "-out"));
        this.localBackoff = new Backoff(bridge.restartTimeout());
        this.remoteBackoff = new Backoff(bridge.restartTimeout());
    }

    /**
     * The client ids an embedded broker must treat as {@code try_private} bridges (see
     * {@link EmbeddedBroker}): the remote client ids of the bridges towards {@code brokerId} that
     * keep mosquitto's default {@code try_private true}.
     */
    public static Set<String> privateClientIds(Topology topology, String brokerId, String hostname) {
        return topology.bridgesTo(brokerId).stream().filter(Bridge::tryPrivate)
                .map(bridge -> bridge.effectiveRemoteClientId(hostname)).collect(Collectors.toUnmodifiableSet());
    }

    Bridge bridge() {
        return bridge;
    }

    /** Returns at once; connects the local side, then the remote, and reconnects in the background. */
    public synchronized void start() {
        if (closed || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("bridge '" + bridge.id() + "' was started or closed before");
        }
        report(NodeStatus.State.STARTING, "connecting to remote " + remote + " as "
                + bridge.effectiveRemoteClientId(hostname));
        localClient = BridgeClient.create(true, localOptions(), new BridgeClient.Hooks(
                context -> later(inbound, this::localUp),
                context -> onDisconnected("local", local, localBackoff, context, true),
                this::forwardToRemote, task -> later(outbound, task)));
        remoteClient = BridgeClient.create(bridge.protocolVersion() == BridgeProtocol.MQTTV50, remoteOptions(),
                new BridgeClient.Hooks(context -> later(outbound, this::remoteUp),
                        context -> onDisconnected("remote", remote, remoteBackoff, context,
                                bridge.startType() != StartType.ONCE),
                        this::deliverLocally, task -> later(inbound, task)));
        localClient.connect();
    }

    /** Whether both sides are connected. */
    public boolean isConnected() {
        BridgeClient localSide = localClient;
        BridgeClient remoteSide = remoteClient;
        return localSide != null && remoteSide != null && localSide.isConnected() && remoteSide.isConnected();
    }

    /** Says "0" where notifications go, disconnects both sides and stops retrying; safe to call again. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (localClient != null) {
            CompletableFuture<?> remoteDone = stopSide(remoteClient);
            CompletableFuture<?> localDone = stopSide(localClient);
            try {
                CompletableFuture.allOf(remoteDone, localDone).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // a side that cannot say goodbye is dropped anyway
            }
        }
        inbound.shutdownNow();
        outbound.shutdownNow();
        report(NodeStatus.State.STOPPED, "");
    }

    private CompletableFuture<?> stopSide(BridgeClient side) {
        CompletableFuture<?> goodbye = bridge.notifications() && side.isConnected()
                ? side.publish(notification(DOWN)) : CompletableFuture.completedFuture(null);
        return goodbye.handle((ok, error) -> null).thenCompose(ignored -> side.disconnect());
    }

    /**
     * No user name: mosquitto 2.0.11 neither checks {@code local_username}/{@code local_password} nor applies
     * the local ACL to the bridge (measured, {@link LocalBridgeSecret}); the secret stands for being inside.
     */
    private BridgeClient.Options localOptions() {
        boolean clean = bridge.localCleanSession() != null ? bridge.localCleanSession() : bridge.cleanSession();
        return new BridgeClient.Options(bridge.effectiveLocalClientId(hostname), local, clean, bridge.keepalive(),
                null, null, null, localSecret);
    }

    private BridgeClient.Options remoteOptions() {
        return new BridgeClient.Options(bridge.effectiveRemoteClientId(hostname), remote, bridge.cleanSession(),
                bridge.keepalive(), bridge.remoteUsername(), bridge.remotePassword(),
                bridge.notifications() ? notification(DOWN) : null, null);
    }

    private BridgeMessage notification(byte[] state) {
        return new BridgeMessage(bridge.effectiveNotificationTopic(hostname), state, 1, true);
    }

    /** Runs a task on one of the bridge's threads, unless the bridge is closed. */
    private void later(ExecutorService executor, Runnable task) {
        if (!closed) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    /** On the inbound thread: the first time, subscribes locally, then starts the remote side. */
    private void localUp() {
        localBackoff.reset();
        if (!localSubscribed.compareAndSet(false, true)) {
            reportIfRunning(); // later reconnects keep the session, or the client subscribes again itself
            return;
        }
        if (bridge.notifications()) {
            localClient.publish(notification(DOWN));
        }
        CompletableFuture.allOf(routes.outRules().stream()
                        .map(rule -> localClient.subscribe(rule.localFilter(), rule.qos(), true))
                        .toArray(CompletableFuture[]::new))
                .whenComplete((ok, error) -> later(inbound, () -> {
                    if (remoteStarted.compareAndSet(false, true)) {
                        remoteClient.connect();
                    }
                }));
    }

    /** On the outbound thread: says "1" and, the first time, subscribes on the remote. */
    private void remoteUp() {
        remoteBackoff.reset();
        if (bridge.notifications()) {
            remoteClient.publish(notification(UP));
            later(inbound, () -> localClient.publish(notification(UP)));
        }
        if (!remoteSubscribed.compareAndSet(false, true)) {
            reportIfRunning();
            return;
        }
        // as mosquitto: an in half that a later out line unsubscribes (bridge_attempt_unsubscribe) is not subscribed
        CompletableFuture.allOf(RemoteSubscriptions.subscribed(bridge.rules()).stream()
                        .map(rule -> remoteClient.subscribe(rule.remoteFilter(), rule.qos(), bridge.tryPrivate()))
                        .toArray(CompletableFuture[]::new))
                .whenComplete((ok, error) -> later(outbound, this::reportIfRunning));
    }

    private void reportIfRunning() {
        if (isConnected() && !closed) {
            String note = bridge.protocolVersion() == BridgeProtocol.MQTTV31 ? " (MQTT 3.1 runs as 3.1.1)" : "";
            report(NodeStatus.State.RUNNING, "connected to remote " + remote + " as "
                    + bridge.effectiveRemoteClientId(hostname) + note);
        }
    }

    private void forwardToRemote(BridgeMessage message) {
        routes.outbound(message).ifPresent(remoteClient::publish);
    }

    private void deliverLocally(BridgeMessage message) {
        routes.inbound(message).ifPresent(localClient::publish);
    }

    /** Runs on a hivemq thread: reports, and schedules the next attempt (the client keeps its session). */
    private void onDisconnected(String side, Endpoint endpoint, Backoff backoff, MqttClientDisconnectedContext context,
            boolean retry) {
        if (closed || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        if ("remote".equals(side) && bridge.notifications() && localClient.isConnected()) {
            later(inbound, () -> localClient.publish(notification(DOWN)));
        }
        String reason = reason(side, endpoint, context.getCause());
        if (retry) {
            Duration delay = backoff.next();
            context.getReconnector().reconnect(true).delay(delay.toMillis(), TimeUnit.MILLISECONDS);
            report(NodeStatus.State.FAILED, reason + "; retrying in " + delay.toSeconds() + " s");
        } else {
            report(NodeStatus.State.FAILED, reason + "; start_type once: not retrying");
        }
    }

    /** One line for the user, e.g. "remote 127.0.0.1:1884 refused the connection: NOT_AUTHORIZED". */
    static String reason(String side, Endpoint endpoint, Throwable cause) {
        if (cause instanceof Mqtt3ConnAckException refused) {
            return side + " " + endpoint + " refused the connection: " + refused.getMqttMessage().getReturnCode();
        }
        if (cause instanceof Mqtt5ConnAckException refused) {
            return side + " " + endpoint + " refused the connection: " + refused.getMqttMessage().getReasonCode();
        }
        if (cause instanceof ConnectionFailedException failed) {
            Throwable root = failed.getCause() != null ? failed.getCause() : failed;
            // Netty's text repeats the address: "Connection refused: /127.0.0.1:1884"
            return side + " " + endpoint + " is unreachable: "
                    + (root instanceof ConnectException ? "connection refused" : message(root));
        }
        return "lost the connection to " + side + " " + endpoint + ": " + message(cause);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void report(NodeStatus.State state, String message) {
        status.accept(NodeStatus.now(bridge.id(), state, message));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

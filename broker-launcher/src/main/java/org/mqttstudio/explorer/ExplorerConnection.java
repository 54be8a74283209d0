package org.mqttstudio.explorer;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One explorer connection to any broker: connects, subscribes, publishes, and fills its {@link ExplorerSession}.
 * A first connect that fails is reported and not retried (a wrong password stays wrong); a connection that was up
 * and drops reconnects with a backoff from 1 s doubling to 30 s, says so in {@link #state()}, resubscribes, and
 * keeps the tree and history it had. Everything returns at once; callers are never blocked by the network.
 */
public final class ExplorerConnection implements AutoCloseable {
    static final Duration BACKOFF_FIRST = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    /** Entries kept in the publish history. */
    static final int SENT_KEPT = 100;

    private final ConnectionProfile profile;
    private final ExplorerSession session;
    private final ExplorerClient client;
    private volatile ConnectionState state = ConnectionState.now(ConnectionState.Kind.DISCONNECTED, "not connected");
    private volatile boolean everConnected;
    private volatile boolean closing;
    // guarded by this
    private final Map<String, SubscribeResult> subscriptions = new LinkedHashMap<>();
    private final ArrayDeque<SentMessage> sent = new ArrayDeque<>();

    private ExplorerConnection(ConnectionProfile profile, HistoryLimits limits) {
        this.profile = profile;
        this.session = new ExplorerSession(limits);
        this.client = ExplorerClient.create(profile, context -> connected(), this::disconnected, session::accept);
    }

    /**
     * A connection for the profile, not connected yet.
     *
     * @throws IllegalArgumentException naming the file when a TLS certificate or key cannot be read
     */
    public static ExplorerConnection of(ConnectionProfile profile, HistoryLimits limits) {
        return new ExplorerConnection(profile, limits);
    }

    /** Connects; fails with an {@link ExplorerException} whose message says why in words. */
    public CompletableFuture<Void> connect() {
        closing = false;
        state = ConnectionState.now(ConnectionState.Kind.CONNECTING, "connecting to " + profile.address());
        return client.connect().handle((done, failure) -> {
            if (failure != null) {
                String why = ConnectionErrors.describe(failure, profile);
                state = ConnectionState.now(ConnectionState.Kind.FAILED, why);
                throw new CompletionException(new ExplorerException(why, failure));
            }
            return null;
        });
    }

    private void connected() {
        everConnected = true;
        state = ConnectionState.now(ConnectionState.Kind.CONNECTED, "connected to " + profile.address()
                + " (MQTT " + profile.version().label() + ")");
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        if (closing || context.getSource() == MqttDisconnectSource.USER) {
            state = ConnectionState.now(ConnectionState.Kind.DISCONNECTED, "disconnected");
            return;
        }
        String why = ConnectionErrors.describe(context.getCause(), profile);
        if (!everConnected) {
            return; // the connect future reports it
        }
        int attempt = context.getReconnector().getAttempts() + 1;
        Duration delay = backoff(attempt);
        context.getReconnector().reconnect(true).delay(delay.toMillis(), TimeUnit.MILLISECONDS);
        state = ConnectionState.now(ConnectionState.Kind.RECONNECTING, "connection lost: " + why
                + "; reconnecting in " + delay.toSeconds() + " s (attempt " + attempt + ")");
    }

    /** 1 s, 2 s, 4 s … at most 30 s. */
    static Duration backoff(int attempt) {
        long millis = BACKOFF_FIRST.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, BACKOFF_MAX.toMillis()));
    }

    /** Subscribes to a filter; the result says whether the broker granted it and at which QoS, or why not. */
    public CompletableFuture<SubscribeResult> subscribe(String filter, int qos) {
        org.mqttstudio.mqtt.Topics.filterProblem(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("filter '" + filter + "': " + problem);
        });
        return client.subscribe(filter, qos).handle((result, failure) -> {
            if (failure != null) {
                throw new CompletionException(new ExplorerException("subscribe " + filter + ": "
                        + ConnectionErrors.describe(failure, profile), failure));
            }
            synchronized (this) {
                subscriptions.put(filter, result);
            }
            return result;
        });
    }

    public CompletableFuture<Void> unsubscribe(String filter) {
        return client.unsubscribe(filter).whenComplete((done, failure) -> {
            synchronized (this) {
                subscriptions.remove(filter);
            }
        });
    }

    /** The filters subscribed, with the broker's answer to each, in the order made. */
    public synchronized List<SubscribeResult> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Publishes; the result is the broker's acknowledgement in words (PUBACK/PUBREC reason for MQTT 5). */
    public CompletableFuture<PublishResult> publish(OutgoingMessage message) {
        return client.publish(message).handle((result, failure) -> {
            PublishResult outcome = failure == null ? result
                    : new PublishResult(false, "failed: " + ConnectionErrors.describe(failure, profile));
            synchronized (this) {
                sent.addLast(new SentMessage(Instant.now(), message, outcome));
                if (sent.size() > SENT_KEPT) {
                    sent.removeFirst();
                }
            }
            return outcome;
        });
    }

    /** Clears a topic's retained message (publishes an empty retained message) and marks it in the tree. */
    public CompletableFuture<PublishResult> clearRetained(String topic) {
        return publish(OutgoingMessage.clearRetained(topic)).thenApply(result -> {
            if (result.accepted()) {
                session.retainedCleared(topic);
            }
            return result;
        });
    }

    /** What was published, oldest first (the latest {@value #SENT_KEPT}). */
    public synchronized List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    public CompletableFuture<Void> disconnect() {
        closing = true;
        return client.disconnect().whenComplete((done, failure) ->
                state = ConnectionState.now(ConnectionState.Kind.DISCONNECTED, "disconnected"));
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public ExplorerSession session() {
        return session;
    }

    public ConnectionState state() {
        return state;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        disconnect();
    }
}

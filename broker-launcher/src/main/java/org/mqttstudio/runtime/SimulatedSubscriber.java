package org.mqttstudio.runtime;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;

/**
 * A subscriber of the topology on hivemq-mqtt-client: connects, subscribes to its filters once
 * connected (the library subscribes again after a reconnect that lost the session), and reports
 * every message as a {@link Delivery}.
 */
public final class SimulatedSubscriber implements AutoCloseable {
    private final Subscriber model;
    private final Consumer<NodeStatus> status;
    private final Consumer<Delivery> deliveries;
    private final Executor executor;
    private final ClientSession session;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /**
     * @param status receives the subscriber's status; called on client threads, must not block
     * @param deliveries receives each message; called on client threads, must not block
     * @param executor where the SUBSCRIBEs are sent from, never a client callback thread
     */
    public SimulatedSubscriber(Subscriber model, Endpoint endpoint, Consumer<NodeStatus> status,
            Consumer<Delivery> deliveries, Executor executor) {
        this.model = model;
        this.status = status;
        this.deliveries = deliveries;
        this.executor = executor;
        this.session = ClientSession.create(model.client(), endpoint, new ClientSession.Listener() {
            @Override
            public void connected() {
                if (subscribed.compareAndSet(false, true)) {
                    executor.execute(SimulatedSubscriber.this::subscribeAll);
                } else {
                    emit(NodeStatus.State.RUNNING, "reconnected");
                }
            }

            @Override
            public void disconnected(String reason) {
                emit(NodeStatus.State.FAILED, "cannot reach " + endpoint + ": " + reason + " (retrying)");
            }
        });
    }

    public Subscriber model() {
        return model;
    }

    /** Connects in the background. */
    public void start() {
        emit(NodeStatus.State.STARTING, ClientSession.versionNote(model.client()));
        session.connect();
    }

    private void subscribeAll() {
        CompletableFuture<?>[] acks = model.subscriptions().stream()
                .map(s -> session.subscribe(s.filter(), s.qos(), this::received)).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(acks).whenComplete((done, failure) -> emit(
                failure == null ? NodeStatus.State.RUNNING : NodeStatus.State.FAILED,
                failure == null ? "subscribed to " + filters() : "subscribe failed: " + failure.getMessage()));
    }

    private String filters() {
        return String.join(", ", model.subscriptions().stream().map(Subscription::filter).toList());
    }

    private void received(String topic, byte[] payload, int qos, boolean retain) {
        deliveries.accept(new Delivery(model.id(), topic, payload, qos, retain, Instant.now()));
    }

    private void emit(NodeStatus.State state, String message) {
        status.accept(NodeStatus.now(model.id(), state, message));
    }

    /** Disconnects; returns once done. */
    public CompletableFuture<Void> stopAsync() {
        return session.disconnect().whenComplete((done, failure) -> emit(NodeStatus.State.STOPPED, ""));
    }

    @Override
    public void close() {
        stopAsync().join();
    }
}

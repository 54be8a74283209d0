package org.mqttstudio.runtime;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.mqttstudio.topology.MqttVersion;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.WireTap;

/**
 * A subscriber of the topology on hivemq-mqtt-client: connects, subscribes to its filters once
 * connected (the library subscribes again after a reconnect that lost the session), and reports
 * every PUBLISH packet it receives as one {@link Delivery}, as a paho {@code on_message} sees them:
 * a broker may send one packet for several matching filters or one per filter (MQTT 5 §3.3.4).
 *
 * <p>hivemq-mqtt-client keeps the subscription identifiers of an incoming MQTT 5 PUBLISH to itself,
 * so an MQTT 5 subscriber connects through a private {@link WireTap} of its own and reads its
 * deliveries, identifiers included, off its own connection's bytes; an MQTT 3.1.1 subscriber (whose
 * packets carry no identifiers) takes them from the library, one callback per packet.
 */
public final class SimulatedSubscriber implements AutoCloseable {
    private static final String SUBSCRIPTION_IDENTIFIER = "SUBSCRIPTION_IDENTIFIER";

    private final Subscriber model;
    private final Consumer<NodeStatus> status;
    private final Consumer<Delivery> deliveries;
    private final Executor executor;
    private final WireTap ownTap;
    private final ClientSession session;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final InboundQos2 inboundQos2 = new InboundQos2();

    /**
     * @param status receives the subscriber's status; called on client threads, must not block
     * @param deliveries receives each PUBLISH packet; called on client or tap threads, must not block
     * @param executor where the SUBSCRIBEs are sent from, never a client callback thread
     */
    public SimulatedSubscriber(Subscriber model, Endpoint endpoint, Consumer<NodeStatus> status,
            Consumer<Delivery> deliveries, Executor executor) {
        this.model = model;
        this.status = status;
        this.deliveries = deliveries;
        this.executor = executor;
        boolean mqtt5 = model.client().mqttVersion() == MqttVersion.V5;
        this.ownTap = mqtt5 ? WireTap.builder("subscriber " + model.id(), new InetSocketAddress(PortPlan.HOST, 0),
                new InetSocketAddress(endpoint.host(), endpoint.port())).sink(this::seen).start() : null;
        Endpoint via = mqtt5 ? new Endpoint(PortPlan.HOST, ownTap.port()) : endpoint;
        this.session = ClientSession.create(model.client(), via, new ClientSession.Listener() {
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
        // MQTT 5: the library still acknowledges each packet; the delivery comes from the tap
        session.onEveryMessage(mqtt5 ? (topic, payload, qos, retain) -> { } : this::received);
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
                .map(s -> session.subscribe(s.filter(), s.qos())).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(acks).whenComplete((done, failure) -> emit(
                failure == null ? NodeStatus.State.RUNNING : NodeStatus.State.FAILED,
                failure == null ? "subscribed to " + filters() : "subscribe failed: " + failure.getMessage()));
    }

    private String filters() {
        return String.join(", ", model.subscriptions().stream().map(Subscription::filter).toList());
    }

    private void received(String topic, byte[] payload, int qos, boolean retain) {
        deliveries.accept(new Delivery(model.id(), topic, payload, qos, retain, Instant.now(), List.of()));
    }

    /** A packet on the MQTT 5 subscriber's own connection, on the tap's one decoder thread. */
    private void seen(PacketEvent e) {
        if (inboundQos2.isNewMessage(e)) {
            List<Integer> ids = e.properties().stream().filter(p -> p.name().equals(SUBSCRIPTION_IDENTIFIER))
                    .map(PacketProperty::value).map(Integer::valueOf).toList();
            byte[] payload = e.payload() == null ? new byte[0] : e.payload();
            deliveries.accept(new Delivery(model.id(), e.topic(), payload, e.qos(), e.retain(), e.time(), ids));
        }
    }

    private void emit(NodeStatus.State state, String message) {
        status.accept(NodeStatus.now(model.id(), state, message));
    }

    /** Disconnects; returns once done. */
    public CompletableFuture<Void> stopAsync() {
        return session.disconnect().whenComplete((done, failure) -> {
            if (ownTap != null) {
                ownTap.close();
            }
            emit(NodeStatus.State.STOPPED, "");
        });
    }

    @Override
    public void close() {
        stopAsync().join();
    }
}

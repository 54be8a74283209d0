package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;

/**
 * A publisher of the topology on hivemq-mqtt-client: once connected, renders its payload template
 * every interval ({@code {seq}} from 1) and publishes, from its own scheduler thread (never a client
 * callback thread: hivemq-mqtt-client#801). Ticks while disconnected are skipped. Each message is
 * registered with the run's {@link DeliveryLedger} before it is sent (so that no delivery overtakes
 * it), then marked published (the broker acknowledged it, or it was written at QoS 0) or failed; the
 * publisher itself keeps only counts.
 */
public final class SimulatedPublisher implements AutoCloseable {
    private final Publisher model;
    private final Consumer<NodeStatus> status;
    private final PayloadTemplate template;
    private final RandomGenerator random;
    private final ClientSession session;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final DeliveryLedger ledger;

    /**
     * @param seed the run's seed; the publisher's random numbers follow from it and its id
     * @param status receives the publisher's status; called on client threads, must not block
     * @param ledger where each message is registered before it is sent
     */
    public SimulatedPublisher(Publisher model, Endpoint endpoint, long seed, Consumer<NodeStatus> status,
            DeliveryLedger ledger) {
        this.model = model;
        this.ledger = ledger;
        this.status = status;
        this.template = PayloadTemplate.parse(model.payload());
        this.random = new SplittableRandom(seed ^ model.id().hashCode());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "publisher-" + model.id());
            thread.setDaemon(true);
            return thread;
        });
        this.session = ClientSession.create(model.client(), endpoint, new ClientSession.Listener() {
            @Override
            public void connected() {
                emit(NodeStatus.State.RUNNING, "publishing to " + model.topic());
                if (started.compareAndSet(false, true)) {
                    try {
                        scheduler.scheduleAtFixedRate(SimulatedPublisher.this::tick, 0, model.intervalMs(),
                                TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException stoppedBeforeConnecting) {
                        // the run stopped publishing before this client connected: nothing to send
                    }
                }
            }

            @Override
            public void disconnected(String reason) {
                emit(NodeStatus.State.FAILED, "cannot reach " + endpoint + ": " + reason + " (retrying)");
            }
        });
    }

    public Publisher model() {
        return model;
    }

    /** Connects in the background; publishing starts once connected. */
    public void start() {
        emit(NodeStatus.State.STARTING, ClientSession.versionNote(model.client()));
        session.connect();
    }

    private void tick() {
        if (model.count() > 0 && sequence.get() >= model.count()) {
            scheduler.shutdown();
            return;
        }
        if (!session.isConnected()) {
            return;
        }
        long seq = sequence.incrementAndGet();
        byte[] payload = template.render(seq, Instant.now(), random).getBytes(StandardCharsets.UTF_8);
        DeliveryLedger.Sent sent = ledger.sent(model.id(), payload);
        session.publish(model.topic(), payload, model.qos(), model.retain()).whenComplete((done, failure) -> {
            if (failure == null) {
                published.incrementAndGet();
                ledger.published(sent);
            } else {
                ledger.failed(sent);
            }
        });
    }

    /** Messages published so far. */
    public long publishedCount() {
        return published.get();
    }

    /** Stops publishing at once (no further messages). */
    public void stopPublishing() {
        scheduler.shutdownNow();
    }

    /** Stops publishing and disconnects; completes once done. */
    public CompletableFuture<Void> stopAsync() {
        stopPublishing();
        return session.disconnect().whenComplete((done, failure) -> emit(NodeStatus.State.STOPPED,
                published.get() + " messages published"));
    }

    @Override
    public void close() {
        stopAsync().join();
    }

    private void emit(NodeStatus.State state, String message) {
        status.accept(NodeStatus.now(model.id(), state, message));
    }
}

package org.mqttstudio.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load: hivemq-mqtt-client (MQTT 3.1.1) publishers, each on a thread of its own, and subscribers, in this
 * JVM. Each publisher keeps at most {@link Scenario#window()} publishes unacknowledged (PUBACK at QoS 1, PUBCOMP at
 * QoS 2, written at QoS 0), as a real client does; nothing else holds it back, so a subscriber slower than the
 * publishers makes the broker queue (the bench gives both brokers a queue that holds a whole run) or drop (counted
 * as lost). Never publishes from a client callback thread (hivemq-mqtt-client#801).
 */
final class LoadGenerator {
    /** Topics under {@code srv/}, which the challenge's bridges carry. */
    private static final String TOPIC_ROOT = "srv/bench/";

    private final int payloadBytes;
    private final long quietMillis;
    private final AtomicLong runs = new AtomicLong();

    /** @param quietMillis a run ends when nothing arrived for this long; what is missing then counts as lost */
    LoadGenerator(int payloadBytes, long quietMillis) {
        this.payloadBytes = payloadBytes;
        this.quietMillis = quietMillis;
    }

    /** The scenario on one broker: publishers and subscribers on the same port. */
    Measurement run(BenchTarget target, int port, Scenario scenario, int deliveries) throws InterruptedException {
        return run(target.label(), port, port, scenario, deliveries);
    }

    /**
     * The scenario with the publishers on {@code publishPort} and the subscribers on {@code subscribePort} (for a
     * topology, where bridges carry the messages between).
     */
    Measurement run(String label, int publishPort, int subscribePort, Scenario scenario, int deliveries)
            throws InterruptedException {
        long number = runs.incrementAndGet();
        String topic = TOPIC_ROOT + number;
        String idPrefix = "bench-" + number;
        MqttQos qos = MqttQos.fromCode(scenario.qos());
        Receipts receipts = new Receipts(scenario.subscribers(), scenario.publishers());
        List<Mqtt3AsyncClient> subscribers = new ArrayList<>();
        List<Mqtt3AsyncClient> publishers = new ArrayList<>();
        try {
            for (int s = 0; s < scenario.subscribers(); s++) {
                int index = s;
                Mqtt3AsyncClient subscriber = client(subscribePort, idPrefix + "-sub-" + s);
                subscribers.add(subscriber);
                subscriber.connect().join();
                subscriber.subscribeWith().topicFilter(topic + "/#").qos(qos)
                        .callback(publish -> receipts.accept(index, publish.getPayload().orElseThrow())).send()
                        .join();
            }
            for (int i = 0; i < scenario.publishers(); i++) {
                Mqtt3AsyncClient publisher = client(publishPort, idPrefix + "-pub-" + i);
                publishers.add(publisher);
                publisher.connect().join();
            }
            int messages = scenario.messagesFor(deliveries);
            AtomicLong sent = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < publishers.size(); i++) {
                int index = i;
                int count = messages / publishers.size() + (i < messages % publishers.size() ? 1 : 0);
                Thread thread = new Thread(() -> publish(publishers.get(index), topic + "/" + index, qos, index,
                        count, scenario.window(), sent), "bench-publisher-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long expected = sent.get() * scenario.subscribers();
            awaitQuiet(receipts, expected);
            long received = receipts.received();
            double seconds = Math.max(1, receipts.lastReceiptNanos() - start) / 1e9;
            return new Measurement(label, scenario, expected, received, expected - received,
                    receipts.duplicates(), received / seconds, receipts.latencyPercentileMicros(50),
                    receipts.latencyPercentileMicros(99), 0);
        } finally {
            List<CompletableFuture<Void>> disconnects = new ArrayList<>();
            for (Mqtt3AsyncClient client : publishers) {
                disconnects.add(client.disconnect().exceptionally(e -> null));
            }
            for (Mqtt3AsyncClient client : subscribers) {
                disconnects.add(client.disconnect().exceptionally(e -> null));
            }
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Publishes {@code count} messages, at most {@code window} of them unacknowledged at a time. */
    private void publish(Mqtt3AsyncClient client, String topic, MqttQos qos, int index, int count, int window,
                         AtomicLong sent) {
        Semaphore unacknowledged = new Semaphore(window);
        try {
            for (int sequence = 0; sequence < count; sequence++) {
                if (!unacknowledged.tryAcquire(quietMillis, TimeUnit.MILLISECONDS)) {
                    return; // the broker stopped acknowledging: the rest is not sent
                }
                client.publishWith().topic(topic).qos(qos).payload(Receipts.payload(payloadBytes, index, sequence))
                        .send().whenComplete((result, failure) -> unacknowledged.release());
                sent.incrementAndGet();
            }
            unacknowledged.tryAcquire(window, quietMillis, TimeUnit.MILLISECONDS); // the last acks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything expected arrived, or nothing arrived for the quiet time. */
    private void awaitQuiet(Receipts receipts, long expected) throws InterruptedException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (receipts.received() < expected) {
            long count = receipts.received();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling a counter the callback threads advance
        }
    }

    private static Mqtt3AsyncClient client(int port, String id) {
        return MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1").serverPort(port)
                .buildAsync();
    }
}

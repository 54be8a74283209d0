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
 * The load: hivemq-mqtt-client (MQTT 3.1.1) publishers, each on a thread of its own, and one subscriber, in this
 * JVM. The publishers together stay at most {@code window} messages ahead of the subscriber, so no broker queue
 * overflows and the rate is what the broker sustains; the latency therefore includes waiting in that window.
 * Never publishes from a client callback thread (hivemq-mqtt-client#801).
 */
final class LoadGenerator {
    /** A run ends when nothing arrived for this long; what is missing then counts as lost. */
    private static final long QUIET_MILLIS = 5_000;

    private final int payloadBytes;
    private final int window;
    private final AtomicLong runs = new AtomicLong();

    LoadGenerator(int payloadBytes, int window) {
        this.payloadBytes = payloadBytes;
        this.window = window;
    }

    Measurement run(BenchTarget target, int port, Scenario scenario, int messages) throws InterruptedException {
        String topic = "bench/" + runs.incrementAndGet();
        MqttQos qos = MqttQos.fromCode(scenario.qos());
        Semaphore ahead = new Semaphore(window);
        Receipts receipts = new Receipts(scenario.publishers(), ahead);

        Mqtt3AsyncClient subscriber = client(port, topic.replace('/', '-') + "-sub");
        List<Mqtt3AsyncClient> publishers = new ArrayList<>();
        try {
            subscriber.connect().join();
            subscriber.subscribeWith().topicFilter(topic + "/#").qos(qos)
                    .callback(publish -> receipts.accept(publish.getPayload().orElseThrow())).send().join();
            for (int i = 0; i < scenario.publishers(); i++) {
                Mqtt3AsyncClient publisher = client(port, topic.replace('/', '-') + "-pub-" + i);
                publisher.connect().join();
                publishers.add(publisher);
            }
            AtomicLong sent = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < publishers.size(); i++) {
                int index = i;
                int count = messages / publishers.size() + (i < messages % publishers.size() ? 1 : 0);
                Thread thread = new Thread(() -> publish(publishers.get(index), topic + "/" + index, qos, index,
                        count, ahead, sent), "bench-publisher-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            awaitQuiet(receipts, sent.get());
            long received = receipts.received();
            double seconds = Math.max(1, receipts.lastReceiptNanos() - start) / 1e9;
            return new Measurement(target, scenario, sent.get(), received, sent.get() - received,
                    receipts.duplicates(), received / seconds, receipts.latencyPercentileMicros(50),
                    receipts.latencyPercentileMicros(99), 0);
        } finally {
            List<CompletableFuture<Void>> disconnects = new ArrayList<>();
            for (Mqtt3AsyncClient client : publishers) {
                disconnects.add(client.disconnect().exceptionally(e -> null));
            }
            disconnects.add(subscriber.disconnect().exceptionally(e -> null));
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void publish(Mqtt3AsyncClient client, String topic, MqttQos qos, int index, int count,
                         Semaphore ahead, AtomicLong sent) {
        try {
            for (int sequence = 0; sequence < count; sequence++) {
                if (!ahead.tryAcquire(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    return; // the subscriber stopped receiving: the rest is not sent
                }
                client.publishWith().topic(topic).qos(qos).payload(Receipts.payload(payloadBytes, index, sequence))
                        .send();
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything sent arrived, or nothing arrived for {@link #QUIET_MILLIS}. */
    private static void awaitQuiet(Receipts receipts, long sent) throws InterruptedException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (receipts.received() < sent) {
            long count = receipts.received();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling a counter the callback thread advances
        }
    }

    private static Mqtt3AsyncClient client(int port, String id) {
        return MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1").serverPort(port)
                .buildAsync();
    }
}

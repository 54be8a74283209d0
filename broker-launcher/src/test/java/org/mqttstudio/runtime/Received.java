package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real MQTT 3.1.1 client recording each message it receives with its QoS and retain flag. */
final class Received implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** One delivery as "topic=payload qos=N retain=B". */
    record Message(String topic, String payload, int qos, boolean retain) {
        @Override
        public String toString() {
            return topic + "=" + payload + " qos=" + qos + (retain ? " retained" : "");
        }
    }

    private final Mqtt3BlockingClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private Received(Mqtt3BlockingClient client) {
        this.client = client;
    }

    static Received connect(int port) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier("rcv-" + IDS.incrementAndGet())
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connect();
        return new Received(client);
    }

    Received subscribe(String filter, int qos) {
        client.toAsync().subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos))
                .callback(p -> messages.add(new Message(p.getTopic().toString(),
                        new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.getQos().getCode(), p.isRetain())))
                .send().join();
        return this;
    }

    void publish(String topic, String payload, int qos) {
        publish(topic, payload, qos, false);
    }

    void publish(String topic, String payload, int qos, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    List<Message> messages() {
        return messages;
    }

    List<String> payloads() {
        return messages.stream().map(Message::payload).toList();
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}

package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real MQTT 3.1.1 client (hivemq-mqtt-client) that records what it receives as "topic=payload". */
final class TestClient implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Mqtt3BlockingClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private TestClient(Mqtt3BlockingClient client) {
        this.client = client;
    }

    static Mqtt3ClientBuilder builder(int port) {
        return MqttClient.builder().useMqttVersion3().identifier("test-" + IDS.incrementAndGet())
                .serverHost("127.0.0.1").serverPort(port);
    }

    /** Connects anonymously; fails the test if refused. */
    static TestClient connect(int port) {
        return connect(port, null, null);
    }

    /** Connects with a user name (null: none) and a password (null: none); fails the test if refused. */
    static TestClient connect(int port, String user, String password) {
        Mqtt3BlockingClient client = builder(port).buildBlocking();
        connect(client, user, password);
        return new TestClient(client);
    }

    static TestClient connect(Mqtt3BlockingClient client) {
        client.connect();
        return new TestClient(client);
    }

    /** The CONNACK return code the broker answers to these credentials (0: accepted). */
    static int connackCode(int port, String user, String password) {
        Mqtt3BlockingClient client = builder(port).buildBlocking();
        try {
            connect(client, user, password);
            client.disconnect();
            return 0;
        } catch (Mqtt3ConnAckException e) {
            return e.getMqttMessage().getReturnCode().getCode();
        }
    }

    private static void connect(Mqtt3BlockingClient client, String user, String password) {
        if (user == null) {
            client.connect();
        } else if (password == null) {
            client.connectWith().simpleAuth().username(user).applySimpleAuth().send();
        } else {
            client.connectWith().simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
        }
    }

    /** Subscribes and returns the SUBACK return code (0..2 granted QoS, 0x80 failure). */
    int subscribe(String filter, int qos) {
        Mqtt3AsyncClient async = client.toAsync();
        try {
            Mqtt3SubAck ack = async.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos))
                    .callback(p -> received.add(p.getTopic() + "=" + StandardCharsets.UTF_8.decode(p.getPayload()
                            .orElse(StandardCharsets.UTF_8.encode("")))))
                    .send().join();
            return ack.getReturnCodes().get(0).getCode();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Mqtt3SubAckException subAck) {
                return subAck.getMqttMessage().getReturnCodes().get(0).getCode();
            }
            throw e;
        }
    }

    /** Publishes and waits until the QoS flow is complete (PUBACK / PUBCOMP). */
    void publish(String topic, String payload, int qos) {
        publish(topic, payload, qos, false);
    }

    void publish(String topic, String payload, int qos, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    List<String> received() {
        return received;
    }

    boolean connected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}

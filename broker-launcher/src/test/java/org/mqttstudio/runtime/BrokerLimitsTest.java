package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqttstudio.runtime.RawMqttClient.PUBLISH;
import static org.mqttstudio.runtime.TwoRuntimes.payloads;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckRestrictions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.runtime.RawMqttClient.Packet;
import org.mqttstudio.runtime.TwoRuntimes.Runtime;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Protocol;

/**
 * One broker node with every {@link BrokerLimits} set, run on the embedded runtime and exported to a
 * real mosquitto 2.0.11 ({@link org.mqttstudio.mosquitto.MosquittoConfWriter}), each test against both with MQTT 3.1.1
 * clients unless it says otherwise. Where they differ each runtime's behaviour is asserted and
 * {@link KnownDifferences} must say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerLimitsTest {
    private static final BrokerLimits LIMITS = new BrokerLimits(1, 5, 3, true, false);
    private static final Broker NODE = new Broker("limited", null, null,
            List.of(new Listener(1883, Protocol.MQTT, "127.0.0.1")), true, null, null, null,
            new Logging(List.of("stderr"), List.of(), null), LIMITS, null, Position.ORIGIN);

    @RegisterExtension
    static final TwoRuntimes BROKERS = new TwoRuntimes(NODE, "limits");

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void mqtt5ClientsAreToldTheLimitsInTheConnack(Runtime runtime) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(BROKERS.clientId("v5"))
                .serverHost("127.0.0.1").serverPort(BROKERS.port(runtime)).buildBlocking();
        Mqtt5ConnAckRestrictions restrictions = client.connect().getRestrictions();
        client.disconnect();
        assertThat(restrictions.getMaximumQos()).as("max_qos").isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(restrictions.isRetainAvailable()).as("retain_available").isFalse();
        assertThat(restrictions.getReceiveMaximum()).as("max_inflight_messages").isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void maxQosGrantsAndDeliversAtMostItsQos(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("maxqos");
        try (RawMqttClient subscriber = RawMqttClient.connect(port, BROKERS.clientId("sub"), true);
                TestClient publisher = TestClient.connect(port)) {
            assertThat(subscriber.subscribe(topic, 2)).as("granted QoS").isEqualTo(1);
            publisher.publish(topic, "one", 1);
            assertThat(subscriber.next(PUBLISH).qos()).as("delivered QoS").isEqualTo(1);
        }
    }

    /** mosquitto.conf(5): "Clients publishing to this listener with a too-high QoS will be disconnected." */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void publishingAboveMaxQosDisconnectsAndIsDropped(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("above");
        assertThat(dropsPublisher(port, topic, 2, false)).as("publisher disconnected").isTrue();
    }

    /** mosquitto.conf(5): "Clients that send a message with the retain bit will be disconnected." */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void retainedPublishDisconnectsWhenRetainIsNotAvailable(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("retain");
        assertThat(dropsPublisher(port, topic, 1, true)).as("publisher disconnected").isTrue();
        try (RawMqttClient late = RawMqttClient.connect(port, BROKERS.clientId("late"), true);
                TestClient publisher = TestClient.connect(port)) {
            late.subscribe(topic, 1);
            late.subscribe(topic + "/marker", 1);
            publisher.publish(topic + "/marker", "marker", 1);
            assertThat(payloads(late.publishesUntil("marker"))).as("nothing retained").containsExactly("marker");
        }
    }

    /**
     * Whether a raw client's PUBLISH makes the broker close its connection; a subscriber to the topic
     * must not get the message either (a marker published afterwards arrives alone).
     */
    private boolean dropsPublisher(int port, String topic, int qos, boolean retain) {
        try (RawMqttClient subscriber = RawMqttClient.connect(port, BROKERS.clientId("sub"), true)) {
            subscriber.subscribe(topic, 1);
            subscriber.subscribe(topic + "/marker", 1);
            boolean closed;
            try (RawMqttClient publisher = RawMqttClient.connect(port, BROKERS.clientId("pub"), true)) {
                publisher.publish(topic, "refused", qos, retain);
                closed = publisher.closedWithin(Duration.ofSeconds(2));
            }
            try (TestClient marker = TestClient.connect(port)) {
                marker.publish(topic + "/marker", "marker", 1);
            }
            assertThat(payloads(subscriber.publishesUntil("marker"))).as("not delivered").containsExactly("marker");
            return closed;
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void offlineSessionKeepsAtMostMaxQueuedMessages(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("queue");
        assertThat(queuedWhileOffline(port, topic, List.of("m1", "m2", "m3", "m4", "m5"), 1))
                .as("the oldest kept, later ones dropped").containsExactly("m1", "m2", "m3");
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void qos0ForAnOfflineSession(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("qos0");
        List<String> kept = queuedWhileOffline(port, topic, List.of("zero"), 0);
        assertThat(kept).as(Claims.of(KnownDifferences.QUEUE_QOS0, runtime))
                .isEqualTo(runtime == Runtime.MOSQUITTO ? List.of("zero") : List.of());
    }

    /**
     * What a persistent session subscribed at QoS 1 gets on its return of {@code payloads} published
     * at {@code qos} while it was away (collected before anything new is published: a queue still
     * full on return would drop that).
     */
    private List<String> queuedWhileOffline(int port, String topic, List<String> payloads, int qos) {
        String clientId = BROKERS.clientId("offline");
        try (RawMqttClient subscriber = RawMqttClient.connect(port, clientId, false)) {
            subscriber.subscribe(topic, 1);
            subscriber.disconnect();
        }
        try (TestClient publisher = TestClient.connect(port)) {
            payloads.forEach(payload -> publisher.publish(topic, payload, qos));
        }
        try (RawMqttClient back = RawMqttClient.connect(port, clientId, false)) {
            List<String> queued = drain(back);
            back.disconnect();
            RawMqttClient.connect(port, clientId, true).disconnect(); // ends the persistent session
            return queued;
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void connectedSubscriberThatDoesNotAcknowledge(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("slow");
        try (RawMqttClient subscriber = RawMqttClient.connect(port, BROKERS.clientId("slow"), true);
                TestClient publisher = TestClient.connect(port)) {
            KnownDifferences.QueueMeasurement claimed = KnownDifferences.QUEUE_MEASURED;
            assertThat(List.of(LIMITS.maxInflightMessages(), LIMITS.maxQueuedMessages()))
                    .as("the limits the claim was measured with").containsExactly(claimed.inFlight(), claimed.queued());
            subscriber.subscribe(topic, 1);
            List<String> all = IntStream.rangeClosed(1, claimed.published()).mapToObj(n -> "m" + n).toList();
            all.forEach(payload -> publisher.publish(topic, payload, 1));
            List<String> seen = drain(subscriber);
            // the oldest are held, later ones dropped
            assertThat(seen).as(Claims.of(KnownDifferences.QUEUE_CONNECTED, runtime)).isEqualTo(all.subList(0,
                    runtime == Runtime.MOSQUITTO ? claimed.mosquittoHolds() : claimed.embeddedHolds()));
        }
    }

    /**
     * Every PUBLISH the broker sends until it has sent nothing for a second, acknowledging each batch
     * only once it stopped coming (so that the broker's in-flight window is filled first).
     */
    private static List<String> drain(RawMqttClient subscriber) {
        List<String> seen = new ArrayList<>();
        for (List<Packet> batch = subscriber.publishesWithin(Duration.ofSeconds(1)); !batch.isEmpty();
                batch = subscriber.publishesWithin(Duration.ofSeconds(1))) {
            seen.addAll(payloads(batch));
            batch.stream().filter(p -> p.qos() == 1).forEach(p -> subscriber.puback(p.packetId()));
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void maxInflightMessagesToASubscriber(Runtime runtime) {
        int port = BROKERS.port(runtime);
        String topic = BROKERS.unique("inflight");
        try (RawMqttClient subscriber = RawMqttClient.connect(port, BROKERS.clientId("inflight"), true);
                TestClient publisher = TestClient.connect(port)) {
            subscriber.subscribe(topic, 1);
            List<String> all = List.of("m1", "m2", "m3", "m4", "m5");
            all.forEach(payload -> publisher.publish(topic, payload, 1));
            List<String> sent = payloads(subscriber.publishesWithin(Duration.ofSeconds(1)));
            String claim = Claims.of(KnownDifferences.IN_FLIGHT, runtime);
            if (runtime == Runtime.MOSQUITTO) {
                assertThat(all).hasSize(LIMITS.maxInflightMessages()); // all of them fit the window
                assertThat(sent).as(claim).isEqualTo(all);
            } else {
                // HiveMQ's window to MQTT 3.1.1 subscribers is not configurable
                assertThat(KnownDifferences.EMBEDDED_FIRST_IN_FLIGHT.contains(sent.size())).as("%s sent first; %s",
                        sent, claim).isTrue();
                assertThat(sent).as(claim).isEqualTo(all.subList(0, sent.size()));
            }
        }
    }
}

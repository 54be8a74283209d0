package org.mqttstudio.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Where the embedded runtime (HiveMQ CE) and mosquitto 2.0.11 behave differently, each within
 * MQTT 3.1.1, measured side by side (MqttBehaviourTest, BrokerLimitsTest). The Studio shows these to
 * the student so that a run on the embedded runtime is not mistaken for mosquitto's exact behaviour.
 * Everything not listed here was measured to be the same: retained messages, wills, zero-length
 * client ids, offline queueing (QoS 1 and 2 only), overlapping subscriptions (one copy at the highest
 * QoS), redelivery with DUP, {@code #} not matching {@code $} topics, unsubscribe; and the broker
 * limits: max_qos (granted and delivered QoS, a publisher above it disconnected), retain_available
 * false (a retained publish disconnects its client), max_queued_messages for a disconnected session
 * (the oldest kept), and what an MQTT 5 CONNACK announces (Maximum QoS, Retain Available, Receive
 * Maximum = max_inflight_messages).
 */
public final class KnownDifferences {
    /** One difference: what it is about, what mosquitto does, what the embedded broker does. */
    public record Difference(String topic, String mosquitto, String embedded) {
    }

    public static final String SYS_PUBLISH = "client publishing to $SYS";
    public static final String SYS_STATUS = "broker status topics ($SYS/broker/...)";
    public static final String KEEPALIVE = "keep-alive timeout";
    public static final String IN_FLIGHT = "unacknowledged QoS 1/2 messages to a subscriber";
    public static final String QUEUE_CONNECTED = "max_queued_messages for a connected subscriber";
    public static final String QUEUE_QOS0 = "queue_qos0_messages true";
    public static final String OVERLAP = "an MQTT 5 subscriber's overlapping filters";

    /** Every known difference, in the order the Studio lists them. */
    public static final List<Difference> ALL = List.of(
            new Difference(SYS_PUBLISH,
                    "acknowledges the PUBLISH and drops it",
                    "delivers it to subscribers of that $ topic (allowed so that bridges can publish their "
                            + "$SYS/broker/connection/.../state notifications)"),
            new Difference(SYS_STATUS,
                    "publishes $SYS/broker/version, client counts, load etc. (retained, every sys_interval, "
                            + "default 10 s)",
                    "publishes none of them"),
            new Difference(KEEPALIVE,
                    "checks keep-alives coarsely: a client with keepalive 1 s that stopped pinging was "
                            + "dropped after 3 to 7 s (the spec asks for 1.5 × keepalive)",
                    "drops such a client after 1 to 1.5 × its keepalive"),
            new Difference(IN_FLIGHT,
                    "sends up to max_inflight_messages (default 20) before the first PUBACK/PUBREC comes back",
                    "holds queued messages back until earlier ones are acknowledged (measured: one or two of "
                            + "six sent first, depending on timing, whatever max_inflight_messages says); nothing "
                            + "is lost, the trace just shows PUBLISH/PUBACK pairs one after the other. "
                            + "max_inflight_messages only sets the Receive Maximum told to MQTT 5 clients, as "
                            + "mosquitto does"),
            new Difference(QUEUE_CONNECTED,
                    "counts only the messages waiting behind those in flight: a subscriber that does not "
                            + "acknowledge holds max_inflight_messages + max_queued_messages (measured 5 + 3 of 10) "
                            + "before new ones are dropped",
                    "counts the messages in flight too: such a subscriber holds max_queued_messages in all "
                            + "(measured 3 of 10). A disconnected session keeps max_queued_messages on both"),
            new Difference(QUEUE_QOS0,
                    "queues QoS 0 messages for a disconnected persistent session, like QoS 1 and 2",
                    "never queues QoS 0 messages for a disconnected client: they are dropped as with "
                            + "queue_qos0_messages false (HiveMQ has no such setting)"),
            // MQTT 5 §3.3.4 allows both; measured in OverlapRunTest (3.1.1 subscribers get one copy on both)
            new Difference(OVERLAP,
                    "sends one copy per matching subscription, each at that subscription's QoS and carrying its "
                            + "subscription identifier (filters +/b at QoS 1 and # at QoS 0: two PUBLISH packets "
                            + "per message)",
                    "sends one copy at the highest QoS carrying every matching subscription identifier (one "
                            + "PUBLISH packet per message)"));

    private KnownDifferences() {
    }

    /** The difference about {@code topic} (one of the constants above), if any. */
    public static Optional<Difference> about(String topic) {
        return ALL.stream().filter(d -> d.topic().equals(topic)).findFirst();
    }
}

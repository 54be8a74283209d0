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

    /**
     * A measured range an entry's text states, {@code low} to {@code high} inclusive. The text is rendered
     * from it and the test that measures the behaviour holds its measurement to it, so the two cannot drift.
     */
    public record Bounds(double low, double high) {
        public Bounds {
            if (!(low <= high)) {
                throw new IllegalArgumentException("low " + low + " above high " + high);
            }
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }

        /** "3 to 7", "1 to 1.5". */
        @Override
        public String toString() {
            return number(low) + " to " + number(high);
        }

        private static String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    public static final String SYS_PUBLISH = "client publishing to $SYS";
    public static final String SYS_STATUS = "broker status topics ($SYS/broker/...)";
    public static final String KEEPALIVE = "keep-alive timeout";
    public static final String IN_FLIGHT = "unacknowledged QoS 1/2 messages to a subscriber";
    public static final String QUEUE_CONNECTED = "max_queued_messages for a connected subscriber";
    public static final String QUEUE_QOS0 = "queue_qos0_messages true";
    public static final String DOLLAR_FILTER = "'#' and '+' subscriptions and an outside client's $ topic";
    public static final String OVERLAP = "an MQTT 5 subscriber's overlapping filters";
    public static final String BOTH_TO_EXTERNAL = "a 'both' bridge rule towards an external broker";

    /**
     * Seconds from its CONNACK after which mosquitto dropped a client with keepalive 1 s that stopped pinging
     * (measured 0.93, 1.45, 2.05, 3.1, 3.5, 5.2, 5.9, 6.2, 7.1 s: sometimes before 1.5 × keepalive, mostly well after).
     */
    public static final Bounds MOSQUITTO_KEEPALIVE_DROP_SECONDS = new Bounds(0.5, 7.5);
    /** When the embedded broker drops such a client, in multiples of its keepalive. */
    public static final Bounds EMBEDDED_KEEPALIVE_DROP_FACTOR = new Bounds(1, 1.5);
    /**
     * How many of five or six QoS 1 messages published one after the other the embedded broker sends a 3.1.1
     * subscriber before it acknowledges any (measured 1, 2 and 3, depending on timing; never all).
     */
    public static final Bounds EMBEDDED_FIRST_IN_FLIGHT = new Bounds(1, 4);
    /**
     * The measurement {@link #QUEUE_CONNECTED} quotes: a subscriber that acknowledges nothing, on a broker with
     * max_inflight_messages {@code inFlight} and max_queued_messages {@code queued}, sent {@code published}.
     */
    public record QueueMeasurement(int inFlight, int queued, int published) {
        /** What mosquitto holds for it: those in flight and those queued behind them. */
        public int mosquittoHolds() {
            return inFlight + queued;
        }

        /** What the embedded broker holds for it: max_queued_messages in all. */
        public int embeddedHolds() {
            return queued;
        }
    }

    public static final QueueMeasurement QUEUE_MEASURED = new QueueMeasurement(5, 3, 10);

    /** mosquitto's max_inflight_messages when unset. */
    public static final int MOSQUITTO_DEFAULT_IN_FLIGHT = 20;

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
                            + "dropped " + MOSQUITTO_KEEPALIVE_DROP_SECONDS + " s after its CONNACK (the spec asks "
                            + "for 1.5 × keepalive)",
                    "drops such a client after " + EMBEDDED_KEEPALIVE_DROP_FACTOR + " × its keepalive"),
            new Difference(IN_FLIGHT,
                    "sends up to max_inflight_messages (default " + MOSQUITTO_DEFAULT_IN_FLIGHT + ") before the "
                            + "first PUBACK/PUBREC comes back",
                    "holds queued messages back until earlier ones are acknowledged (" + EMBEDDED_FIRST_IN_FLIGHT
                            + " of 5 or 6 sent first, depending on timing, whatever "
                            + "max_inflight_messages says); nothing "
                            + "is lost, the trace just shows PUBLISH/PUBACK pairs one after the other. "
                            + "max_inflight_messages only sets the Receive Maximum told to MQTT 5 clients, as "
                            + "mosquitto does"),
            new Difference(QUEUE_CONNECTED,
                    "counts only the messages waiting behind those in flight: a subscriber that does not "
                            + "acknowledge holds max_inflight_messages + max_queued_messages (measured "
                            + QUEUE_MEASURED.inFlight() + " + " + QUEUE_MEASURED.queued() + " of "
                            + QUEUE_MEASURED.published() + ") "
                            + "before new ones are dropped",
                    "counts the messages in flight too: such a subscriber holds max_queued_messages in all "
                            + "(measured " + QUEUE_MEASURED.embeddedHolds() + " of " + QUEUE_MEASURED.published()
                            + "). A disconnected session keeps max_queued_messages on both"),
            new Difference(QUEUE_QOS0,
                    "queues QoS 0 messages for a disconnected persistent session, like QoS 1 and 2",
                    "never queues QoS 0 messages for a disconnected client: they are dropped as with "
                            + "queue_qos0_messages false (HiveMQ has no such setting)"),
            new Difference(DOLLAR_FILTER,
                    "never matches a '#' or '+...' filter against a topic starting with $ (MQTT-4.7.2-1)",
                    "keeps that rule on a broker where the topology publishes $ topics (a bridge with "
                            + "notifications, a bridge rule or publisher on a $ topic); on any other broker it "
                            + "skips the check, which halves its rate, so a $ topic published there by a client "
                            + "from outside the topology also reaches '#' subscribers"),
            // MQTT 5 §3.3.4 allows both; measured in OverlapRunTest (3.1.1 subscribers get one copy on both)
            new Difference(OVERLAP,
                    "sends one copy per matching subscription, each at that subscription's QoS and carrying its "
                            + "subscription identifier (filters +/b at QoS 1 and # at QoS 0: two PUBLISH packets "
                            + "per message)",
                    "sends one copy at the highest QoS carrying every matching subscription identifier (one "
                            + "PUBLISH packet per message)"),
            new Difference(BOTH_TO_EXTERNAL,
                    "connects as a bridge (try_private): an external mosquitto sends nothing the bridge published "
                            + "back to it, so each message crosses once",
                    "connects as a plain MQTT 3.1.1 client (hivemq-mqtt-client cannot set mosquitto's bridge flag): "
                            + "the external broker sends each message the bridge published on a 'both' topic back once "
                            + "and the local subscribers get it twice (measured: 6 copies of 3 messages with an "
                            + "external mosquitto 2.0.11). Between the topology's own brokers it does not happen: they "
                            + "know the bridge's client id. The checker's bridge-echo warning names such a rule"));

    private KnownDifferences() {
    }

    /** The difference about {@code topic} (one of the constants above), if any. */
    public static Optional<Difference> about(String topic) {
        return ALL.stream().filter(d -> d.topic().equals(topic)).findFirst();
    }
}

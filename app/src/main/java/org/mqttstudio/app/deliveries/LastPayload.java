package org.mqttstudio.app.deliveries;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;

/**
 * One message a subscriber received, formatted for its row, with what finds its flow again: the subscriber's broker
 * and client id (the hop that delivered it), the topic there and the payload.
 *
 * @param text the payload as UTF-8, cut to {@link #MAX_TEXT} characters
 */
public record LastPayload(String subscriberId, String subscriber, Instant received, String time, String topic,
        int qos, String text, String brokerId, String clientId, byte[] payload) {
    static final int MAX_TEXT = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public LastPayload {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(topic, "topic");
        payload = payload.clone();
    }

    static LastPayload of(Delivery d, String subscriber, String brokerId, String clientId) {
        String text = d.payloadText();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return new LastPayload(d.subscriberId(), subscriber, d.time(), TIME.format(d.time()), d.topic(), d.qos(),
                text, brokerId, clientId, d.payload());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Whether {@code flow} may be this message: one of its hops delivered this payload on this topic to this client,
     * seen by the tap before the subscriber had it. Of the flows that may be, the newest is the message when
     * payloads repeat (a constant payload every second): {@code SequenceView.showFlow} shows the newest.
     */
    public boolean deliveredIn(MessageFlow flow) {
        if (!Arrays.equals(flow.payload(), payload)) {
            return false;
        }
        for (FlowHop hop : flow.hops()) {
            if (hop.direction() == PacketDirection.BROKER_TO_CLIENT && hop.node().equals(brokerId)
                    && clientId.equals(hop.clientId()) && topic.equals(hop.topic())
                    && !hop.published().isAfter(received)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LastPayload p && p.subscriberId.equals(subscriberId) && p.received.equals(received)
                && p.topic.equals(topic) && p.qos == qos && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subscriberId, received, topic, qos, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return subscriber + " " + time + " " + topic + " QoS " + qos + ": " + text;
    }
}

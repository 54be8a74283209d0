package org.mqttstudio.routing;

import java.util.List;

/**
 * One way a publisher's messages reach a subscriber.
 *
 * @param filter the subscriber's filter that matches the topic on the last hop
 * @param hops the brokers passed, the publisher's own first
 * @param qos the QoS the subscriber receives: the minimum of the publish QoS, every bridge rule's
 *     QoS, every broker's max_qos and the subscription's QoS
 * @param mqtt5Subscriber whether the subscriber speaks MQTT 5, where brokers may answer overlapping
 *     filters with one copy per filter ({@link OverlapPolicy})
 */
public record Route(String publisherId, String subscriberId, String filter, List<Hop> hops, int qos,
        boolean mqtt5Subscriber) {
    public Route {
        hops = List.copyOf(hops);
    }

    /** The topic as the subscriber receives it (after every prefix remap). */
    public String topicAtSubscriber() {
        return hops.get(hops.size() - 1).topic();
    }

    /** The ids of the bridges passed, in order. */
    public List<String> bridgeIds() {
        return hops.stream().map(Hop::viaBridgeId).filter(b -> b != null).toList();
    }
}

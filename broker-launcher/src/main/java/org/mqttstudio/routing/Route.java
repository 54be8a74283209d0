package org.mqttstudio.routing;

import java.util.List;

/**
 * One way a publisher's messages reach a subscriber.
 *
 * @param filter the subscriber's filter that matches the topic on the last hop
 * @param hops the brokers passed, the publisher's own first
 * @param qos the QoS the subscriber receives: the minimum of the publish QoS, every bridge rule's
 *     QoS, every broker's max_qos and the subscription's QoS
 */
public record Route(String publisherId, String subscriberId, String filter, List<Hop> hops, int qos) {
    public Route {
        hops = List.copyOf(hops);
    }

    /** The ids of the bridges passed, in order. */
    public List<String> bridgeIds() {
        return hops.stream().map(Hop::viaBridgeId).filter(b -> b != null).toList();
    }
}

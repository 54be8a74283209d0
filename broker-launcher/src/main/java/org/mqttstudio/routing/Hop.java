package org.mqttstudio.routing;

/**
 * A broker a message passes.
 *
 * @param viaBridgeId the bridge it arrived over; null on the publisher's own broker
 * @param topic the topic as it looks on this broker (after prefix remaps)
 * @param qos the QoS so far, capped by this broker's max_qos
 */
public record Hop(String brokerId, String viaBridgeId, String topic, int qos) {
}

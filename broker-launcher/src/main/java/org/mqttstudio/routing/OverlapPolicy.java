package org.mqttstudio.routing;

/**
 * How a broker answers an MQTT 5 subscriber with several filters matching one message. MQTT 5
 * §3.3.4 allows both; for MQTT 3.1.1 subscribers both runtimes send one copy at the highest QoS
 * (measured: OverlapRunTest).
 */
public enum OverlapPolicy {
    /** HiveMQ CE (embedded runtime): one copy at the highest QoS, carrying every matching subscription identifier. */
    ONE_COPY,
    /** mosquitto 2: one copy per matching subscription, each at that subscription's QoS with its identifier. */
    COPY_PER_SUBSCRIPTION
}

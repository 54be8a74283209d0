package org.mqttstudio.topology;

/** Broker-wide limits; each null means mosquitto's default. */
public record BrokerLimits(Integer maxQos, Integer maxInflightMessages, Integer maxQueuedMessages,
        Boolean queueQos0Messages, Boolean retainAvailable) {
    public static final BrokerLimits DEFAULT = new BrokerLimits(null, null, null, null, null);

    public BrokerLimits {
        if (maxQos != null) {
            Checks.qos(maxQos, "maxQos");
        }
        if (maxInflightMessages != null && maxInflightMessages < 0) {
            throw new IllegalArgumentException("'maxInflightMessages' must not be negative");
        }
        if (maxQueuedMessages != null && maxQueuedMessages < 0) {
            throw new IllegalArgumentException("'maxQueuedMessages' must not be negative");
        }
    }

    /** The highest QoS this broker grants (mosquitto's default is 2). */
    public int effectiveMaxQos() {
        return maxQos == null ? 2 : maxQos;
    }
}

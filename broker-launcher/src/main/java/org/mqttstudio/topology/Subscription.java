package org.mqttstudio.topology;

/** One topic filter a subscriber subscribes to, with its requested QoS. */
public record Subscription(String filter, int qos) {
    public Subscription {
        Checks.required(filter, "filter");
        Checks.qos(qos, "qos");
    }

    public Subscription withFilter(String newFilter) {
        return new Subscription(newFilter, qos);
    }

    public Subscription withQos(int newQos) {
        return new Subscription(filter, newQos);
    }
}

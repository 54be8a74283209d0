package org.mqttstudio.topology;

/**
 * A simulated publisher. {@code payload} is a template (see the runtime's payload template for
 * its placeholders); {@code count} 0 means publish until stopped.
 */
public record Publisher(String id, String name, String broker, ClientSettings client, String topic, String payload,
        Integer intervalMs, Integer count, int qos, boolean retain, Position position) implements Node {

    public Publisher {
        Ids.check(id);
        name = name == null || name.isBlank() ? id : name;
        Checks.required(broker, "broker");
        Checks.required(client, "client");
        Checks.required(topic, "topic");
        payload = payload == null ? "" : payload;
        intervalMs = intervalMs == null ? 1000 : intervalMs;
        if (intervalMs < 1) {
            throw new IllegalArgumentException("'intervalMs' must be at least 1");
        }
        count = count == null ? 0 : count;
        if (count < 0) {
            throw new IllegalArgumentException("'count' must not be negative");
        }
        Checks.qos(qos, "qos");
        position = position == null ? Position.ORIGIN : position;
    }

    @Override
    public Publisher withPosition(Position newPosition) {
        return new Publisher(id, name, broker, client, topic, payload, intervalMs, count, qos, retain, newPosition);
    }

    public Publisher withName(String newName) {
        return new Publisher(id, newName, broker, client, topic, payload, intervalMs, count, qos, retain, position);
    }

    public Publisher withClient(ClientSettings newClient) {
        return new Publisher(id, name, broker, newClient, topic, payload, intervalMs, count, qos, retain, position);
    }

    public Publisher withTopic(String newTopic) {
        return new Publisher(id, name, broker, client, newTopic, payload, intervalMs, count, qos, retain, position);
    }

    public Publisher withPayload(String newPayload) {
        return new Publisher(id, name, broker, client, topic, newPayload, intervalMs, count, qos, retain, position);
    }

    public Publisher withIntervalMs(int newIntervalMs) {
        return new Publisher(id, name, broker, client, topic, payload, newIntervalMs, count, qos, retain, position);
    }

    public Publisher withCount(int newCount) {
        return new Publisher(id, name, broker, client, topic, payload, intervalMs, newCount, qos, retain, position);
    }

    public Publisher withQos(int newQos) {
        return new Publisher(id, name, broker, client, topic, payload, intervalMs, count, newQos, retain, position);
    }

    public Publisher withRetain(boolean newRetain) {
        return new Publisher(id, name, broker, client, topic, payload, intervalMs, count, qos, newRetain, position);
    }
}

package org.mqttstudio.topology;

/**
 * How a simulated publisher or subscriber connects. {@code password} is the client's own
 * credential (the broker keeps only its hash).
 */
public record ClientSettings(String clientId, MqttVersion mqttVersion, String username, String password,
        Boolean cleanSession, Integer keepalive) {

    public ClientSettings {
        Checks.required(clientId, "clientId");
        mqttVersion = mqttVersion == null ? MqttVersion.V3_1_1 : mqttVersion;
        username = Checks.blankToNull(username);
        cleanSession = cleanSession == null || cleanSession;
        keepalive = keepalive == null ? 60 : keepalive;
        Checks.range(keepalive, 0, 65535, "keepalive");
        if (password != null && username == null) {
            throw new IllegalArgumentException("'password' needs a 'username'");
        }
    }

    public static ClientSettings of(String clientId) {
        return new ClientSettings(clientId, null, null, null, null, null);
    }

    public ClientSettings withClientId(String newClientId) {
        return new ClientSettings(newClientId, mqttVersion, username, password, cleanSession, keepalive);
    }

    public ClientSettings withMqttVersion(MqttVersion newMqttVersion) {
        return new ClientSettings(clientId, newMqttVersion, username, password, cleanSession, keepalive);
    }
}

package org.mqttstudio.topology;

import java.util.List;

/**
 * A mosquitto bridge: a {@code connection} block in the {@code from} broker's configuration,
 * connecting to the node {@code to} (a broker of this topology or an external broker).
 * Nullable fields mean mosquitto's default; boolean and number fields are filled with
 * mosquitto's defaults when absent.
 *
 * @param extraOptions bridge lines the Studio does not model, kept verbatim for export
 */
public record Bridge(String id, String name, String from, String to, List<BridgeRule> rules,
        Boolean cleanSession, Boolean localCleanSession, String remoteClientId, String localClientId,
        String remoteUsername, String remotePassword, String localUsername, String localPassword,
        BridgeProtocol protocolVersion, Integer keepalive, Boolean notifications, String notificationTopic,
        StartType startType, RestartTimeout restartTimeout, Boolean tryPrivate, List<String> extraOptions) {

    public static final int DEFAULT_KEEPALIVE = 60;

    public Bridge {
        Ids.check(id);
        Checks.required(name, "name");
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bridge name '" + name + "' must not contain spaces");
        }
        Checks.required(from, "from");
        Checks.required(to, "to");
        rules = Checks.list(rules);
        cleanSession = cleanSession != null && cleanSession;
        remoteClientId = Checks.blankToNull(remoteClientId);
        localClientId = Checks.blankToNull(localClientId);
        remoteUsername = Checks.blankToNull(remoteUsername);
        localUsername = Checks.blankToNull(localUsername);
        protocolVersion = protocolVersion == null ? BridgeProtocol.MQTTV311 : protocolVersion;
        keepalive = keepalive == null ? DEFAULT_KEEPALIVE : keepalive;
        if (keepalive < 0) {
            throw new IllegalArgumentException("'keepalive' must not be negative");
        }
        notifications = notifications == null || notifications;
        notificationTopic = Checks.blankToNull(notificationTopic);
        startType = startType == null ? StartType.AUTOMATIC : startType;
        tryPrivate = tryPrivate == null || tryPrivate;
        extraOptions = Checks.list(extraOptions);
    }

    /** A bridge with mosquitto's defaults and the given rules. */
    public static Bridge simple(String id, String name, String from, String to, List<BridgeRule> rules) {
        return new Bridge(id, name, from, to, rules, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /**
     * The client id the bridge uses on the remote broker: {@code remote_clientid}, or mosquitto's
     * default {@code <hostname>.<connection>} for the machine the local broker runs on (seen with
     * mosquitto 2.0.11; its manual says {@code <connection>.<hostname>}).
     */
    public String effectiveRemoteClientId(String hostname) {
        return remoteClientId != null ? remoteClientId : hostname + "." + name;
    }

    /** The client id on the local broker: {@code local_clientid} or {@code local.<remote client id>}. */
    public String effectiveLocalClientId(String hostname) {
        return localClientId != null ? localClientId : "local." + effectiveRemoteClientId(hostname);
    }

    /** The retained state topic mosquitto publishes for this bridge when notifications are on. */
    public String effectiveNotificationTopic(String hostname) {
        return notificationTopic != null ? notificationTopic
                : "$SYS/broker/connection/" + effectiveRemoteClientId(hostname) + "/state";
    }

    public Bridge withRules(List<BridgeRule> newRules) {
        return new Bridge(id, name, from, to, newRules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive,
                notifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withName(String newName) {
        return new Bridge(id, newName, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withCleanSession(boolean newCleanSession) {
        return new Bridge(id, name, from, to, rules, newCleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withRemoteClientId(String newRemoteClientId) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, newRemoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withLocalClientId(String newLocalClientId) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, newLocalClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withRemoteUsername(String newRemoteUsername) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                newRemoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive,
                notifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withRemotePassword(String newRemotePassword) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, newRemotePassword, localUsername, localPassword, protocolVersion, keepalive,
                notifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withProtocolVersion(BridgeProtocol newProtocolVersion) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, newProtocolVersion, keepalive,
                notifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withKeepalive(int newKeepalive) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, newKeepalive,
                notifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withNotifications(boolean newNotifications) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive,
                newNotifications, notificationTopic, startType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withStartType(StartType newStartType) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, newStartType, restartTimeout, tryPrivate, extraOptions);
    }

    public Bridge withTryPrivate(boolean newTryPrivate) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, restartTimeout, newTryPrivate, extraOptions);
    }

    /** {@code null}: mosquitto's default (5 s, doubling up to 30 s). */
    public Bridge withRestartTimeout(RestartTimeout newRestartTimeout) {
        return new Bridge(id, name, from, to, rules, cleanSession, localCleanSession, remoteClientId, localClientId,
                remoteUsername, remotePassword, localUsername, localPassword, protocolVersion, keepalive, notifications,
                notificationTopic, startType, newRestartTimeout, tryPrivate, extraOptions);
    }
}

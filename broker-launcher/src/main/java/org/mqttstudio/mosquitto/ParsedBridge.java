package org.mqttstudio.mosquitto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.RestartTimeout;
import org.mqttstudio.topology.StartType;

/** One {@code connection} block as read, before its target node is known. */
final class ParsedBridge {
    final String name;
    final Path file;
    final int line;
    /** Id and name of the external target, when the Studio's own comment names them. */
    String externalId;
    String externalName;
    String host;
    int port;
    final List<BridgeRule> rules = new ArrayList<>();
    Boolean cleanSession;
    Boolean localCleanSession;
    String remoteClientId;
    String localClientId;
    String remoteUsername;
    String remotePassword;
    String localUsername;
    String localPassword;
    BridgeProtocol protocolVersion;
    Integer keepalive;
    Boolean notifications;
    String notificationTopic;
    StartType startType;
    RestartTimeout restartTimeout;
    Boolean tryPrivate;
    final List<String> extraOptions = new ArrayList<>();

    ParsedBridge(String name, Path file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }
}

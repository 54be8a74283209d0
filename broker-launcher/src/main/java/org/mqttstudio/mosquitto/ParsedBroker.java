package org.mqttstudio.mosquitto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.User;

/** What one mosquitto.conf (with its includes) says, before ids and bridge targets are settled. */
final class ParsedBroker {
    final Path file;
    /** Name and host from the exporter's header line, if the file has one. */
    String headerName;
    String headerHost;
    /** The topology's name from the exporter's second line, if the file has one. */
    String topologyName;
    final List<Listener> listeners = new ArrayList<>();
    Boolean allowAnonymous;
    final List<User> users = new ArrayList<>();
    final List<AclRule> acl = new ArrayList<>();
    boolean persistence;
    String persistenceLocation;
    Integer autosaveInterval;
    final List<String> logDestinations = new ArrayList<>();
    final List<String> logTypes = new ArrayList<>();
    Boolean connectionMessages;
    Integer maxQos;
    Integer maxInflightMessages;
    Integer maxQueuedMessages;
    Boolean queueQos0Messages;
    Boolean retainAvailable;
    final List<String> extraOptions = new ArrayList<>();
    final List<ParsedBridge> bridges = new ArrayList<>();

    ParsedBroker(Path file) {
        this.file = file;
    }

    /** mosquitto 2: without {@code allow_anonymous}, anonymous clients are refused once a listener exists. */
    boolean effectiveAllowAnonymous() {
        return allowAnonymous != null ? allowAnonymous : listeners.isEmpty();
    }
}

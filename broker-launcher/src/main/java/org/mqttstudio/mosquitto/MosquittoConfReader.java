package org.mqttstudio.mosquitto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Ids;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.Topology;

/**
 * Imports mosquitto.conf files as a topology: one broker per file (id from its folder for a
 * {@code mosquitto.conf}, else from the file name), bridges resolved to the imported broker whose
 * listener their address names, or else to an external broker per distinct address. Nodes are
 * laid out left to right by bridge depth. The topology's name comes from the exporter's header.
 */
public final class MosquittoConfReader {
    private static final String CONF = "mosquitto.conf";

    public MosquittoConfReader() {
    }

    public Topology read(List<Path> confFiles) throws MosquittoConfException {
        List<ParsedBroker> parsed = new ArrayList<>();
        for (Path file : confFiles) {
            parsed.add(ConfParser.parse(file));
        }
        Set<String> usedIds = new HashSet<>();
        Set<String> usedNames = new HashSet<>();
        List<Broker> brokers = new ArrayList<>();
        for (ParsedBroker p : parsed) {
            String id = unique(safeId(idSource(p.file)), usedIds);
            String name = p.headerName != null && usedNames.add(p.headerName) ? p.headerName : id;
            usedNames.add(name);
            brokers.add(broker(id, name, p));
        }
        Map<String, ExternalBroker> externals = new LinkedHashMap<>();
        List<Bridge> bridges = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Broker from = brokers.get(i);
            for (ParsedBridge pb : parsed.get(i).bridges) {
                String to = target(pb, from, brokers, externals, usedIds);
                bridges.add(bridge(unique(safeId(pb.name), usedIds), from.id(), to, pb));
            }
        }
        try {
            Topology t = Topology.of(topologyName(parsed), brokers, List.copyOf(externals.values()), bridges, List.of(), List.of());
            return AutoLayout.apply(t);
        } catch (IllegalArgumentException e) {
            throw new MosquittoConfException(confFiles.get(0) + ": " + e.getMessage());
        }
    }

    /** The name the first exported file states (files from one bundle all state the same), else none. */
    private static String topologyName(List<ParsedBroker> parsed) {
        return parsed.stream().map(p -> p.topologyName).filter(n -> n != null).findFirst().orElse("");
    }

    private static String idSource(Path file) {
        String fileName = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        if (fileName.equals(CONF) && dir != null && dir.getFileName() != null) {
            return dir.getFileName().toString();
        }
        return fileName.endsWith(".conf") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    static String safeId(String raw) {
        String id = raw.replaceAll("[^A-Za-z0-9_.-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        return id.isEmpty() ? "broker" : id;
    }

    private static String unique(String id, Set<String> used) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static Broker broker(String id, String name, ParsedBroker p) {
        return new Broker(id, name, p.headerHost, p.listeners, p.effectiveAllowAnonymous(), p.users, p.acl,
                new Persistence(p.persistence, p.persistenceLocation, p.autosaveInterval),
                new Logging(p.logDestinations, p.logTypes, p.connectionMessages),
                new BrokerLimits(p.maxQos, p.maxInflightMessages, p.maxQueuedMessages, p.queueQos0Messages,
                        p.retainAvailable),
                p.extraOptions, null);
    }

    private static Bridge bridge(String id, String from, String to, ParsedBridge p) {
        return new Bridge(id, p.name, from, to, p.rules, p.cleanSession, p.localCleanSession, p.remoteClientId,
                p.localClientId, p.remoteUsername, p.remotePassword, p.localUsername, p.localPassword,
                p.protocolVersion, p.keepalive, p.notifications, p.notificationTopic, p.startType, p.restartTimeout,
                p.tryPrivate, p.extraOptions);
    }

    /** The imported broker (other than the bridge's own) listening on the bridge's address, or an external broker. */
    private static String target(ParsedBridge pb, Broker from, List<Broker> brokers,
            Map<String, ExternalBroker> externals, Set<String> usedIds) {
        String host = normalHost(pb.host);
        for (Broker b : brokers) {
            if (!b.id().equals(from.id()) && listensOn(b, host, pb.port)) {
                return b.id();
            }
        }
        String id = pb.externalId != null && Ids.valid(pb.externalId) ? pb.externalId
                : "external-" + pb.host + "-" + pb.port;
        String name = pb.externalName != null ? pb.externalName : pb.host + ":" + pb.port;
        ExternalBroker external = externals.computeIfAbsent(host + ":" + pb.port,
                k -> new ExternalBroker(unique(safeId(id), usedIds), name, pb.host, pb.port, null));
        return external.id();
    }

    private static boolean listensOn(Broker b, String host, int port) {
        for (Listener l : b.listeners()) {
            if (l.port() != port || l.protocol() != Protocol.MQTT) {
                continue;
            }
            String bind = l.bindAddress() == null ? "0.0.0.0" : normalHost(l.bindAddress());
            boolean anyInterface = bind.equals("0.0.0.0") || bind.equals("::");
            if (host.equals(normalHost(b.host())) || host.equals(bind) || anyInterface
                    && host.equals(Broker.DEFAULT_HOST)) {
                return true;
            }
        }
        return false;
    }

    private static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") ? Broker.DEFAULT_HOST : h;
    }
}

package org.mqttstudio.mosquitto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.RestartTimeout;
import org.mqttstudio.topology.StartType;

/**
 * Reads one mosquitto.conf, following {@code include_dir} in place as mosquitto does. Keys the
 * Studio models fill fields; other keys mosquitto knows are kept verbatim; anything else is an
 * error naming file and line. Bridge keys belong to the latest {@code connection}; global keys
 * stay global wherever they appear, as in mosquitto.
 */
final class ConfParser {
    private static final Pattern HEADER = Pattern.compile(
            Pattern.quote(MosquittoConfWriter.HEADER_PREFIX) + "\"(.*)\" \\(id [^,)]*(?:, host ([^)]*))?\\)");
    private static final Pattern TOPOLOGY = Pattern.compile(
            Pattern.quote(MosquittoConfWriter.TOPOLOGY_PREFIX) + "\"(.*)\"");
    private static final Pattern BRIDGE_COMMENT = Pattern.compile(
            "# Bridge \"(.*)\" to external broker \"(.*)\" \\(id ([^)]*)\\)");
    private static final List<String> LOG_DESTINATIONS = List.of("stderr", "stdout", "topic", "syslog", "none", "dlt");
    private static final List<String> LOG_TYPES = List.of("debug", "error", "warning", "notice", "information",
            "subscribe", "unsubscribe", "websockets", "none", "all");

    private final ParsedBroker broker;
    private ParsedBridge bridge;
    /** The line above the one being parsed: the exporter's comment naming a bridge's external target. */
    private String lineAbove = "";
    /** The include_dir folders being read, to stop a folder that includes itself. */
    private final Set<Path> includeStack = new HashSet<>();

    private ConfParser(Path file) {
        this.broker = new ParsedBroker(file);
    }

    static ParsedBroker parse(Path file) throws MosquittoConfException {
        ConfParser parser = new ConfParser(file);
        List<String> lines = ConfText.lines(file);
        if (!lines.isEmpty()) {
            Matcher header = HEADER.matcher(lines.get(0).strip());
            if (header.matches()) {
                parser.broker.headerName = header.group(1);
                parser.broker.headerHost = header.group(2);
                Matcher topology = TOPOLOGY.matcher(lines.size() > 1 ? lines.get(1).strip() : "");
                if (topology.matches()) {
                    parser.broker.topologyName = topology.group(1);
                }
            }
        }
        parser.parseLines(file, lines);
        parser.finishBridge();
        return parser.broker;
    }

    private void parseLines(Path file, List<String> lines) throws MosquittoConfException {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lineAbove = i > 0 ? lines.get(i - 1).strip() : "";
                parseLine(new Line(file, i + 1, line));
            }
        }
    }

    /** One non-comment line: {@code key} and {@code value} (the rest, stripped). */
    private record Line(Path file, int number, String text) {
        String key() {
            return text.split("\\s+", 2)[0];
        }

        String value() {
            String[] keyValue = text.split("\\s+", 2);
            return keyValue.length > 1 ? keyValue[1].strip() : "";
        }

        List<String> tokens() {
            String value = value();
            return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
        }

        MosquittoConfException error(String what) {
            return MosquittoConfException.at(file, number, what);
        }

        String required() throws MosquittoConfException {
            if (value().isEmpty()) {
                throw error("'" + key() + "' needs a value");
            }
            return value();
        }

        boolean bool() throws MosquittoConfException {
            return switch (value()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error("Invalid value for " + key() + " (\"" + value() + "\"): expected true or false");
            };
        }

        int integer(int min, int max) throws MosquittoConfException {
            return integer(value(), min, max);
        }

        int integer(String token, int min, int max) throws MosquittoConfException {
            try {
                int n = Integer.parseInt(token);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, with the range
            }
            throw error("Invalid value for " + key() + " (\"" + token + "\"): expected a whole number from " + min
                    + " to " + max);
        }

        Path path() throws MosquittoConfException {
            Path dir = file.toAbsolutePath().getParent();
            return dir.resolve(required());
        }
    }

    private void parseLine(Line l) throws MosquittoConfException {
        String key = l.key();
        if (MosquittoKeys.isBridgeKey(key)) {
            if (bridge == null) {
                throw l.error("'" + key + "' is a bridge option: it must follow a 'connection' line");
            }
            parseBridgeLine(l, key);
        } else if (MosquittoKeys.isGlobalKey(key)) {
            parseGlobalLine(l, key);
        } else {
            throw l.error("Unknown configuration variable \"" + key + "\"");
        }
    }

    private void parseGlobalLine(Line l, String key) throws MosquittoConfException {
        switch (key) {
            case "connection" -> startBridge(l);
            case "listener" -> {
                List<String> t = l.tokens();
                if (t.isEmpty() || t.size() > 2) {
                    throw l.error("expected 'listener <port> [<bind address>]'");
                }
                broker.listeners.add(new Listener(l.integer(t.get(0), 1, 65535), Protocol.MQTT,
                        t.size() > 1 ? t.get(1) : null));
            }
            case "port" -> broker.listeners.add(Listener.mqtt(l.integer(1, 65535)));
            case "protocol" -> protocol(l);
            case "allow_anonymous" -> broker.allowAnonymous = l.bool();
            case "password_file" -> broker.users.addAll(PasswordFile.read(existingFile(l, "password file")));
            case "acl_file" -> broker.acl.addAll(AclFile.read(existingFile(l, "ACL file")));
            case "persistence" -> broker.persistence = l.bool();
            case "persistence_location" -> broker.persistenceLocation = l.required();
            case "autosave_interval" -> broker.autosaveInterval = l.integer(0, Integer.MAX_VALUE);
            case "log_dest" -> broker.logDestinations.add(logDestination(l));
            case "log_type" -> {
                if (!LOG_TYPES.contains(l.value())) {
                    throw l.error("Invalid log_type \"" + l.value() + "\": expected one of " + LOG_TYPES);
                }
                broker.logTypes.add(l.value());
            }
            case "connection_messages" -> broker.connectionMessages = l.bool();
            case "max_qos" -> broker.maxQos = l.integer(0, 2);
            case "max_inflight_messages" -> broker.maxInflightMessages = l.integer(0, 65535);
            case "max_queued_messages" -> broker.maxQueuedMessages = l.integer(0, Integer.MAX_VALUE);
            case "queue_qos0_messages" -> broker.queueQos0Messages = l.bool();
            case "retain_available" -> broker.retainAvailable = l.bool();
            case "include_dir" -> includeDir(l);
            default -> broker.extraOptions.add(l.text());
        }
    }

    private void protocol(Line l) throws MosquittoConfException {
        Protocol protocol = word(l, Protocol.values(), Protocol::word);
        if (broker.listeners.isEmpty()) {
            throw l.error("'protocol' applies to a listener: put a 'listener' line before it");
        }
        int last = broker.listeners.size() - 1;
        Listener listener = broker.listeners.get(last);
        broker.listeners.set(last, new Listener(listener.port(), protocol, listener.bindAddress()));
    }

    private static String logDestination(Line l) throws MosquittoConfException {
        List<String> t = l.tokens();
        if (t.size() == 1 && LOG_DESTINATIONS.contains(t.get(0))) {
            return t.get(0);
        }
        if (!t.isEmpty() && t.get(0).equals("file")) {
            if (t.size() < 2) {
                throw l.error("'log_dest file' needs a file path");
            }
            return "file " + l.value().substring(4).strip();
        }
        throw l.error("Invalid log_dest \"" + l.value() + "\": expected stderr, stdout, topic, syslog, none, dlt"
                + " or file <path>");
    }

    private static Path existingFile(Line l, String what) throws MosquittoConfException {
        Path path = l.path();
        if (!Files.isRegularFile(path)) {
            throw l.error("cannot read " + what + " " + path + ": no such file");
        }
        return path;
    }

    /** mosquitto reads the folder's {@code *.conf} files in case-sensitive alphabetical order. */
    private void includeDir(Line l) throws MosquittoConfException {
        Path dir = l.path();
        if (!Files.isDirectory(dir)) {
            throw l.error("include_dir " + dir + " is not a folder");
        }
        Path folder = dir.normalize();
        if (!includeStack.add(folder)) {
            throw l.error("include_dir " + dir + " includes itself (directly or through another include_dir)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".conf") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw l.error("cannot list include_dir " + dir + ": " + e.getMessage());
        }
        for (Path included : files) {
            parseLines(included, ConfText.lines(included));
        }
        includeStack.remove(folder);
    }

    private void startBridge(Line l) throws MosquittoConfException {
        finishBridge();
        List<String> t = l.tokens();
        if (t.size() != 1) {
            throw l.error("expected 'connection <name>' with a name without spaces");
        }
        bridge = new ParsedBridge(t.get(0), l.file(), l.number());
        Matcher comment = BRIDGE_COMMENT.matcher(lineAbove);
        if (comment.matches() && comment.group(1).equals(bridge.name)) {
            bridge.externalName = comment.group(2);
            bridge.externalId = comment.group(3);
        }
    }

    private void finishBridge() throws MosquittoConfException {
        if (bridge != null && bridge.host == null) {
            throw MosquittoConfException.at(bridge.file, bridge.line, "bridge '" + bridge.name + "' has no address");
        }
        if (bridge != null) {
            broker.bridges.add(bridge);
        }
        bridge = null;
    }

    private void parseBridgeLine(Line l, String key) throws MosquittoConfException {
        ParsedBridge b = bridge;
        switch (key) {
            case "address", "addresses" -> address(l);
            case "topic" -> b.rules.add(topic(l));
            case "cleansession" -> b.cleanSession = l.bool();
            case "local_cleansession" -> b.localCleanSession = l.bool();
            case "remote_clientid", "clientid" -> b.remoteClientId = l.required();
            case "local_clientid" -> b.localClientId = l.required();
            case "remote_username", "username" -> b.remoteUsername = l.required();
            case "remote_password", "password" -> b.remotePassword = l.required();
            case "local_username" -> b.localUsername = l.required();
            case "local_password" -> b.localPassword = l.required();
            case "bridge_protocol_version" -> b.protocolVersion = word(l, BridgeProtocol.values(), BridgeProtocol::word);
            case "keepalive_interval" -> b.keepalive = l.integer(0, 65535);
            case "notifications" -> b.notifications = l.bool();
            case "notification_topic" -> b.notificationTopic = l.required();
            case "start_type" -> b.startType = word(l, StartType.values(), StartType::word);
            case "restart_timeout" -> b.restartTimeout = restartTimeout(l);
            case "try_private" -> b.tryPrivate = l.bool();
            default -> b.extraOptions.add(l.text());
        }
    }

    private void address(Line l) throws MosquittoConfException {
        List<String> t = l.tokens();
        if (t.isEmpty()) {
            throw l.error("'" + l.key() + "' needs host[:port]");
        }
        if (t.size() > 1) {
            throw l.error("several bridge addresses (" + l.value()
                    + ") are not supported: the Studio models one target per bridge");
        }
        if (bridge.host != null) {
            throw l.error("Duplicate address/addresses value in bridge configuration");
        }
        String address = t.get(0);
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon > 0; // mosquitto splits at the last ':' (an IPv6 host needs a port)
        bridge.host = hasPort ? address.substring(0, colon) : address;
        bridge.port = hasPort ? l.integer(address.substring(colon + 1), 1, 65535) : Ports.DEFAULT_PORT;
        if (bridge.host.isEmpty()) {
            throw l.error("Invalid address \"" + address + "\": no host");
        }
    }

    /**
     * {@code topic <pattern> [[[out|in|both] <qos>] <local-prefix> <remote-prefix>]}; after the
     * pattern (which may be {@code #}), a token starting with {@code #} starts a comment.
     */
    private static BridgeRule topic(Line l) throws MosquittoConfException {
        List<String> all = l.tokens();
        List<String> t = all.isEmpty() ? all : Stream.concat(Stream.of(all.get(0)),
                all.stream().skip(1).takeWhile(s -> !s.startsWith("#"))).toList();
        if (t.isEmpty() || t.size() > 5) {
            throw l.error("expected 'topic <pattern> [[[out|in|both] <qos>] <local prefix> <remote prefix>]'");
        }
        Direction direction = t.size() > 1 ? word(l, t.get(1), Direction.values(), Direction::word) : Direction.OUT;
        int qos = t.size() > 2 ? l.integer(t.get(2), 0, 2) : 0;
        return new BridgeRule(t.get(0), direction, qos, prefix(t, 3), prefix(t, 4));
    }

    private static String prefix(List<String> tokens, int index) {
        if (tokens.size() <= index || tokens.get(index).equals("\"\"")) {
            return null;
        }
        return tokens.get(index);
    }

    private static RestartTimeout restartTimeout(Line l) throws MosquittoConfException {
        List<String> t = l.tokens();
        if (t.isEmpty() || t.size() > 2) {
            throw l.error("expected 'restart_timeout <base> [<cap>]'");
        }
        int base = l.integer(t.get(0), 1, Integer.MAX_VALUE);
        Integer cap = t.size() > 1 ? l.integer(t.get(1), base, Integer.MAX_VALUE) : null;
        return new RestartTimeout(base, cap);
    }

    private static <E> E word(Line l, E[] values, Function<E, String> word)
            throws MosquittoConfException {
        return word(l, l.value(), values, word);
    }

    private static <E> E word(Line l, String token, E[] values, Function<E, String> word)
            throws MosquittoConfException {
        for (E e : values) {
            if (word.apply(e).equals(token.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw l.error("Invalid value for " + l.key() + " (\"" + token + "\"): expected one of "
                + Arrays.stream(values).map(word).toList());
    }
}

package org.mqttstudio.explorer;

import java.util.Optional;
import java.util.UUID;

/**
 * Everything needed to connect to one broker. Validated on construction, edited with the typed {@code with…}
 * methods, so a profile in hand is always usable.
 *
 * @param name             what the user calls it (the tab's title)
 * @param webSocketPath    the HTTP path of a WebSocket listener ({@code /mqtt} for mosquitto and HiveMQ)
 * @param tls              empty for a plain connection
 * @param username         empty for none
 * @param password         empty for none; written to disk only when {@code rememberPassword}
 * @param clientId         the client identifier; a generated one by default
 * @param keepAliveSeconds 0 switches keep-alive off
 * @param cleanStart       MQTT 5 clean start / MQTT 3.1.1 clean session
 * @param sessionExpirySeconds MQTT 5 session expiry interval (ignored for 3.1.1, where clean session decides)
 */
public record ConnectionProfile(String name, String host, int port, Transport transport, String webSocketPath,
        Optional<TlsSettings> tls, Optional<String> username, Optional<String> password, boolean rememberPassword,
        String clientId, ProtocolVersion version, int keepAliveSeconds, boolean cleanStart,
        long sessionExpirySeconds, Optional<WillMessage> will) {
    public static final int DEFAULT_KEEP_ALIVE = 60;

    public ConnectionProfile {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: required");
        }
        host = host.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is outside 1..65535");
        }
        if (transport == null || version == null) {
            throw new IllegalArgumentException("transport and MQTT version are required");
        }
        webSocketPath = webSocketPath == null || webSocketPath.isBlank() ? "mqtt" : webSocketPath.strip();
        if (webSocketPath.startsWith("/")) {
            webSocketPath = webSocketPath.substring(1);
        }
        tls = tls == null ? Optional.empty() : tls;
        username = username == null ? Optional.empty() : username.filter(u -> !u.isEmpty());
        password = password == null ? Optional.empty() : password.filter(p -> !p.isEmpty());
        if (password.isPresent() && username.isEmpty() && version == ProtocolVersion.V3_1_1) {
            throw new IllegalArgumentException("password: MQTT 3.1.1 allows a password only with a user name");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id: required (use generateClientId())");
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65535) {
            throw new IllegalArgumentException("keep-alive: " + keepAliveSeconds + " is outside 0..65535 s");
        }
        if (sessionExpirySeconds < 0 || sessionExpirySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("session expiry: " + sessionExpirySeconds + " is outside 0..4294967295 s");
        }
        will = will == null ? Optional.empty() : will;
        name = name == null || name.isBlank() ? host + ":" + port : name.strip();
    }

    /** A plain TCP, MQTT 5, clean-start profile with a generated client id. */
    public static ConnectionProfile of(String host, int port) {
        return new ConnectionProfile(null, host, port, Transport.TCP, null, Optional.empty(), Optional.empty(),
                Optional.empty(), false, generateClientId(), ProtocolVersion.V5, DEFAULT_KEEP_ALIVE, true, 0,
                Optional.empty());
    }

    /** A client id unlikely to clash with anyone else's: {@code studio-explorer-} and 8 hex digits. */
    public static String generateClientId() {
        return "studio-explorer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The URI-like address shown to the user, e.g. {@code mqtts://host:8883} or {@code ws://host:8080/mqtt}. */
    public String address() {
        String scheme = switch (transport) {
            case TCP -> tls.isPresent() ? "mqtts" : "mqtt";
            case WEBSOCKET -> tls.isPresent() ? "wss" : "ws";
        };
        return scheme + "://" + host + ":" + port + (transport == Transport.WEBSOCKET ? "/" + webSocketPath : "");
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, transport, webSocketPath, tls, username, password,
                rememberPassword, clientId, version, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withEndpoint(String newHost, int newPort) {
        return new ConnectionProfile(name, newHost, newPort, transport, webSocketPath, tls, username, password,
                rememberPassword, clientId, version, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withWebSocket(String path) {
        return new ConnectionProfile(name, host, port, Transport.WEBSOCKET, path, tls, username, password,
                rememberPassword, clientId, version, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withTcp() {
        return new ConnectionProfile(name, host, port, Transport.TCP, webSocketPath, tls, username, password,
                rememberPassword, clientId, version, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withTls(TlsSettings settings) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, Optional.ofNullable(settings),
                username, password, rememberPassword, clientId, version, keepAliveSeconds, cleanStart,
                sessionExpirySeconds, will);
    }

    public ConnectionProfile withCredentials(String user, String secret, boolean remember) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, tls, Optional.ofNullable(user),
                Optional.ofNullable(secret), remember, clientId, version, keepAliveSeconds, cleanStart,
                sessionExpirySeconds, will);
    }

    public ConnectionProfile withClientId(String id) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, tls, username, password,
                rememberPassword, id, version, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withVersion(ProtocolVersion newVersion) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, tls, username, password,
                rememberPassword, clientId, newVersion, keepAliveSeconds, cleanStart, sessionExpirySeconds, will);
    }

    public ConnectionProfile withSession(int keepAlive, boolean clean, long expirySeconds) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, tls, username, password,
                rememberPassword, clientId, version, keepAlive, clean, expirySeconds, will);
    }

    public ConnectionProfile withWill(WillMessage lastWill) {
        return new ConnectionProfile(name, host, port, transport, webSocketPath, tls, username, password,
                rememberPassword, clientId, version, keepAliveSeconds, cleanStart, sessionExpirySeconds,
                Optional.ofNullable(lastWill));
    }

    /** This profile as it may be written to disk: without the password unless the user asked to remember it. */
    public ConnectionProfile forSaving() {
        return rememberPassword ? this : new ConnectionProfile(name, host, port, transport, webSocketPath, tls,
                username, Optional.empty(), false, clientId, version, keepAliveSeconds, cleanStart,
                sessionExpirySeconds, will);
    }
}

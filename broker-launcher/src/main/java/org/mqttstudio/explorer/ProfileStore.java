package org.mqttstudio.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved connection profiles, one JSON file in the user's config folder. A password is written only for a profile
 * whose "remember password" is ticked; then the file is made readable by the user alone (mode 600), which the
 * connect dialog says.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "explorer-connections.json";
    private static final ObjectMapper JSON = JsonFiles.JSON;

    private final Path file;

    public ProfileStore(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * The saved profiles; none when there is no file yet.
     *
     * @throws IOException naming the file and the profile when it cannot be read
     */
    public List<ConnectionProfile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a profiles file: " + e.getMessage(), e);
        }
        List<ConnectionProfile> profiles = new ArrayList<>();
        int index = 0;
        for (JsonNode p : root.path("connections")) {
            index++;
            try {
                profiles.add(read(p));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": connection " + index + ": " + e.getMessage(), e);
            }
        }
        return profiles;
    }

    /** Replaces the saved profiles; passwords only where remembered. */
    public void save(List<ConnectionProfile> profiles) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("connections");
        boolean secrets = false;
        for (ConnectionProfile profile : profiles) {
            ConnectionProfile saved = profile.forSaving();
            secrets |= saved.password().isPresent();
            list.add(write(saved));
        }
        JsonFiles.write(file, root, secrets);
    }

    private static ObjectNode write(ConnectionProfile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        o.put("host", p.host());
        o.put("port", p.port());
        o.put("transport", p.transport().name());
        o.put("webSocketPath", p.webSocketPath());
        p.tls().ifPresent(tls -> {
            ObjectNode t = o.putObject("tls");
            tls.caFile().ifPresent(f -> t.put("caFile", f.toString()));
            tls.clientCert().ifPresent(f -> t.put("clientCert", f.toString()));
            tls.clientKey().ifPresent(f -> t.put("clientKey", f.toString()));
            t.put("insecure", tls.insecure());
        });
        p.username().ifPresent(u -> o.put("username", u));
        p.password().ifPresent(s -> o.put("password", s));
        o.put("rememberPassword", p.rememberPassword());
        o.put("clientId", p.clientId());
        o.put("version", p.version().name());
        o.put("keepAlive", p.keepAliveSeconds());
        o.put("cleanStart", p.cleanStart());
        o.put("sessionExpiry", p.sessionExpirySeconds());
        p.will().ifPresent(w -> o.putObject("will").put("topic", w.topic()).put("payload", w.payload())
                .put("qos", w.qos()).put("retain", w.retain()));
        return o;
    }

    private static ConnectionProfile read(JsonNode o) {
        Optional<TlsSettings> tls = Optional.empty();
        if (o.hasNonNull("tls")) {
            JsonNode t = o.get("tls");
            tls = Optional.of(new TlsSettings(path(t, "caFile"), path(t, "clientCert"), path(t, "clientKey"),
                    t.path("insecure").asBoolean(false)));
        }
        Optional<WillMessage> will = Optional.empty();
        if (o.hasNonNull("will")) {
            JsonNode w = o.get("will");
            will = Optional.of(new WillMessage(w.path("topic").asText(), w.path("payload").asText(""),
                    w.path("qos").asInt(0), w.path("retain").asBoolean(false)));
        }
        return new ConnectionProfile(o.path("name").asText(null), o.path("host").asText(""), o.path("port").asInt(0),
                Transport.valueOf(o.path("transport").asText("TCP")), o.path("webSocketPath").asText(null), tls,
                text(o, "username"), text(o, "password"), o.path("rememberPassword").asBoolean(false),
                o.path("clientId").asText(ConnectionProfile.generateClientId()),
                ProtocolVersion.valueOf(o.path("version").asText("V5")),
                o.path("keepAlive").asInt(ConnectionProfile.DEFAULT_KEEP_ALIVE), o.path("cleanStart").asBoolean(true),
                o.path("sessionExpiry").asLong(0), will);
    }

    private static Optional<String> text(JsonNode o, String field) {
        return o.hasNonNull(field) ? Optional.of(o.get(field).asText()) : Optional.empty();
    }

    private static Optional<Path> path(JsonNode o, String field) {
        return text(o, field).map(Path::of);
    }
}

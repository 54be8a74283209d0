package org.mqttstudio.app.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;

/**
 * The recovery file, {@code autosave.json} in the config folder: the unsaved topology, when it
 * was written and which file it belongs to. Written while the canvas has unsaved changes,
 * removed when they are saved or discarded, so one found at start means the Studio ended
 * without saving.
 */
public final class Autosave {
    static final String FILE = "autosave.json";

    /** What a previous run left unsaved. */
    public record Recovery(Instant savedAt, Path file, Topology topology) {
    }

    private final Path file;
    private final TopologyJson json = new TopologyJson();
    private final ObjectMapper mapper = new ObjectMapper();

    public Autosave(Path configFolder) {
        this.file = configFolder.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** @param documentFile the file the topology was opened from or saved to, or null */
    public void write(Topology topology, Path documentFile, Instant now) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("savedAt", now.toString());
        root.put("file", documentFile == null ? null : documentFile.toAbsolutePath().toString());
        root.set("topology", mapper.readTree(json.write(topology)));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The recovery file's content, or empty when there is none or it cannot be read. */
    public Optional<Recovery> pending() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            Topology topology = json.read(file.toString(), root.path("topology").toString());
            JsonNode documentFile = root.path("file");
            return Optional.of(new Recovery(Instant.parse(root.path("savedAt").asText()),
                    documentFile.isTextual() ? Path.of(documentFile.asText()) : null, topology));
        } catch (IOException | TopologyFileException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind, it is offered once more at the next start; nothing is lost.
        }
    }
}

package org.mqttstudio.app.shell;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files opened or saved last, newest first, kept in {@code recent.json} in the config folder
 * (a JSON list of paths: readable, and tests can point it at a temporary folder, which Java
 * Preferences cannot). A missing or unreadable list is an empty one: it is only a convenience.
 */
public final class RecentFiles {
    static final String FILE = "recent.json";
    private static final int MAX = 8;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public RecentFiles(Path configFolder) {
        this.file = configFolder.resolve(FILE);
    }

    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> paths = mapper.readValue(file.toFile(), new TypeReference<List<String>>() { });
            return paths.stream().map(Path::of).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Puts {@code path} first. */
    public void add(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(list());
        next.remove(absolute);
        next.add(0, absolute);
        try {
            Files.createDirectories(file.getParent());
            mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                    next.stream().limit(MAX).map(Path::toString).toList());
        } catch (IOException e) {
            // Only a convenience: the file itself was opened or saved all the same.
        }
    }
}

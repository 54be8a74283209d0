package org.mqttstudio.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The explorer's history bounds as the user set them, in {@value #FILE_NAME} in the user's config folder. */
public final class HistoryLimitsStore {
    public static final String FILE_NAME = "explorer-settings.json";

    private final Path file;

    public HistoryLimitsStore(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * The saved bounds, each missing one (or no file at all) taken from {@code fallback}.
     *
     * @throws IOException naming the file and the bad value
     */
    public HistoryLimits load(HistoryLimits fallback) throws IOException {
        if (!Files.exists(file)) {
            return fallback;
        }
        try {
            JsonNode root = JsonFiles.JSON.readTree(file.toFile());
            JsonNode history = root.path("history");
            return new HistoryLimits(number(history, "perTopic", fallback.perTopic()),
                    number(history, "total", fallback.total()), fallback.topics());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int number(JsonNode history, String field, int fallback) {
        JsonNode value = history.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("history." + field + " must be a whole number, not " + value);
        }
        return value.intValue();
    }

    public void save(HistoryLimits limits) throws IOException {
        ObjectNode root = JsonFiles.JSON.createObjectNode();
        root.putObject("history").put("perTopic", limits.perTopic()).put("total", limits.total());
        JsonFiles.write(file, root, false);
    }
}

package org.mqttstudio.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The explorer's files in the config folder: written to a temporary file and moved, so a crash never leaves half. */
final class JsonFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** @param secret whether the file holds a secret: then only the user may read it (mode 600) */
    static void write(Path file, JsonNode root, boolean secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            restrict(temporary, secret);
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path path, boolean secret) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already
        }
    }
}

package org.mqttstudio.mosquitto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading the lines of a mosquitto file with a one-line error. */
final class ConfText {
    private ConfText() {
    }

    static List<String> lines(Path file) throws MosquittoConfException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MosquittoConfException(file + ": file not found");
        } catch (IOException e) {
            throw new MosquittoConfException(file + ": cannot read: " + e.getMessage());
        }
    }
}

package org.mqttstudio.app.explorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;

/** The explorer's exports: ask where, write, and turn a failure into one line for the user. */
final class ExplorerFiles {
    interface Writer {
        void write(Path file) throws IOException;
    }

    private ExplorerFiles() {
    }

    static void save(ExplorerServices services, Node owner, String suggestedName, Writer writer,
            Consumer<String> errors) {
        services.saveChooser().choose(owner.getScene().getWindow(), suggestedName).ifPresent(file -> {
            try {
                writer.write(file);
            } catch (IOException | RuntimeException e) {
                errors.accept("could not write " + file + ": " + e.getMessage());
            }
        });
    }
}

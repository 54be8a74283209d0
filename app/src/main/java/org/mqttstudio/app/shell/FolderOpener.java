package org.mqttstudio.app.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Shows a folder in the desktop's file manager. */
@FunctionalInterface
public interface FolderOpener {
    /** Throws IOException when no file manager could be started. */
    void open(Path folder) throws IOException;

    /** {@code xdg-open} on Linux, {@code open} on macOS, {@code explorer} on Windows. */
    static FolderOpener system() {
        return folder -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String command = os.contains("win") ? "explorer" : os.contains("mac") ? "open" : "xdg-open";
            new ProcessBuilder(command, folder.toAbsolutePath().toString()).inheritIO().start();
        };
    }
}

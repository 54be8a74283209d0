package org.mqttstudio.app.shell;

import java.nio.file.Path;

/**
 * Where the Studio keeps its own state (recent files, the autosave): the {@code studio.config}
 * system property when set (the tests point it at {@code target/}), else
 * {@code $XDG_CONFIG_HOME/mqtt-topology-studio}, else {@code ~/.config/mqtt-topology-studio}.
 */
public final class ConfigFolder {
    static final String NAME = "mqtt-topology-studio";

    private ConfigFolder() {
    }

    public static Path locate() {
        String configured = System.getProperty("studio.config");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve(NAME);
    }
}

package org.mqttstudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** Saves what a scene shows as a PNG (for {@code --screenshot}, documentation and tests). */
public final class Snapshots {
    private Snapshots() {
    }

    /** Must run on the JavaFX thread. */
    public static void save(Scene scene, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}

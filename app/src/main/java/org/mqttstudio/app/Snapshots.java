package org.mqttstudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Saves what a scene shows as a PNG (for {@code --screenshot}, documentation and tests). */
public final class Snapshots {
    private Snapshots() {
    }

    /** Must run on the JavaFX thread. */
    public static void save(Scene scene, Path png) throws IOException {
        write(scene.snapshot(null), png);
    }

    /** One node at its full size, also the parts a scroll pane hides. Must run on the JavaFX thread. */
    public static void save(Node node, Path png) throws IOException {
        write(node.snapshot(null, null), png);
    }

    private static void write(Image image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}

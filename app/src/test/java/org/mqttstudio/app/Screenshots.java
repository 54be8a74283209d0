package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javax.imageio.ImageIO;
import org.mqttstudio.app.canvas.TopologyCanvas;

/**
 * What a screenshot of the window must show to count as drawn: more than a few colours, and on the canvas
 * the colour of every kind of element the canvas shows in its visible part.
 */
final class Screenshots {
    /** The border colours of the style sheet's element kinds (assets/studio.css, .root), by view style class. */
    static final Map<String, Integer> ELEMENT_COLOURS = Map.of(
            "broker-view", 0x1a5fb4, "publisher-view", 0x26804a, "subscriber-view", 0xc25e00, "bridge-view", 0x6a3fb5);
    /** Antialiased edges blend into the background; a pixel this close to the colour counts. */
    private static final int TOLERANCE = 40;
    /** Fewer pixels than a short line of the colour would be noise, not an element. */
    private static final int MIN_PIXELS = 40;

    private Screenshots() {
    }

    /** Reads the PNG of the window showing {@code canvas} and checks it as the class comment says. */
    static BufferedImage assertDrawn(Path png, TopologyCanvas canvas) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a readable PNG", png).isNotNull();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours.size()).as("distinct colours in %s", png).isGreaterThan(50);
        Bounds area = canvas.localToScene(canvas.getLayoutBounds());
        Set<String> shown = new HashSet<>();
        canvas.nodeViews().stream().filter(v -> area.contains(v.localToScene(v.getLayoutBounds())))
                .forEach(v -> shown.addAll(v.getStyleClass()));
        canvas.topology().bridges().forEach(b -> canvas.bridgeView(b.id())
                .filter(v -> area.intersects(v.localToScene(v.getLayoutBounds()))).ifPresent(v -> shown.add("bridge-view")));
        assertThat(shown).as("kinds shown in %s", png).containsAnyElementsOf(ELEMENT_COLOURS.keySet());
        ELEMENT_COLOURS.forEach((kind, colour) -> {
            if (shown.contains(kind)) {
                assertThat(count(image, area, colour))
                        .as("pixels of the %s colour #%06x on the canvas of %s", kind, colour, png)
                        .isGreaterThanOrEqualTo(MIN_PIXELS);
            }
        });
        return image;
    }

    private static int count(BufferedImage image, Bounds area, int colour) {
        int found = 0;
        int maxX = Math.min(image.getWidth(), (int) area.getMaxX());
        int maxY = Math.min(image.getHeight(), (int) area.getMaxY());
        for (int y = Math.max(0, (int) area.getMinY()); y < maxY; y++) {
            for (int x = Math.max(0, (int) area.getMinX()); x < maxX; x++) {
                if (close(image.getRGB(x, y), colour)) {
                    found++;
                }
            }
        }
        return found;
    }

    private static boolean close(int rgb, int colour) {
        return Math.abs(((rgb >> 16) & 0xff) - ((colour >> 16) & 0xff))
                + Math.abs(((rgb >> 8) & 0xff) - ((colour >> 8) & 0xff))
                + Math.abs((rgb & 0xff) - (colour & 0xff)) <= TOLERANCE;
    }
}

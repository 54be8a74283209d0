package org.mqttstudio.app.sequence;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mqttstudio.app.StudioFolders;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** A test's stage with the studio's stylesheet, where screenshots go, and SVG read back as XML. */
final class DiagramScenes {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private DiagramScenes() {
    }

    static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Path css = StudioFolders.locate().asset("studio.css")
                .orElseThrow(() -> new AssertionError("assets/studio.css not found"));
        scene.getStylesheets().add(css.toUri().toString());
        stage.setScene(scene);
        stage.show();
    }

    static Document xml(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))));
    }
}

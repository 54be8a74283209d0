package org.mqttstudio.app.sequence;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where to save an exported diagram, behind an interface: headless tests answer it directly. */
@FunctionalInterface
public interface ExportTargets {
    /**
     * @param extension "png" or "svg"
     * @return the file to write; empty when cancelled
     */
    Optional<Path> save(Window owner, String suggestedName, String extension);

    /** The desktop's own save dialog. */
    static ExportTargets system() {
        return (owner, suggestedName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the sequence diagram");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().setAll(List.of(
                    new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT) + " image", "*." + extension)));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }
}

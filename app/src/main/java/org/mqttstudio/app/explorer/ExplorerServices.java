package org.mqttstudio.app.explorer;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * What the explorer needs from the desktop: the config folder for saved connections, a yes/no question, and a
 * save-file chooser. Tests answer the last two themselves.
 */
public record ExplorerServices(Path configFolder, Predicate<String> confirm, SaveChooser saveChooser) {
    /** A save-file chooser: the file to write, empty when the user cancelled. */
    public interface SaveChooser {
        Optional<Path> choose(Window owner, String suggestedName);
    }

    public static ExplorerServices system(Path configFolder) {
        return new ExplorerServices(configFolder, question -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
            alert.setHeaderText(null);
            return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        }, (owner, name) -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        });
    }
}

package org.mqttstudio.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mqttstudio.app.findings.FindingSource;

/**
 * The JavaFX application: one {@link StudioWindow}. Start it through {@link Launcher}. With
 * {@code --screenshot OUT.png} it saves the window as a PNG and exits (status 1 when the file
 * could not be opened or the PNG not written).
 */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        StudioOptions options;
        try {
            options = StudioOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("studio: " + e.getMessage());
            Platform.exit();
            return;
        }
        List<String> errors = new ArrayList<>();
        StudioWindow window = new StudioWindow(stage, StudioFolders.locate(), FindingSource.CHECKER,
                options.screenshot().isPresent() ? errors::add : message -> LoadErrorAlert.show(stage, message));
        stage.show();
        // A canvas the last run left unsaved comes first; the file named on the command line otherwise.
        boolean opened = options.screenshot().isPresent() ? options.topology().filter(window::open).isPresent()
                : window.start(options.topology());
        if (opened) {
            options.run().ifPresent(run -> {
                window.run().controller().runtimeProperty().set(run.runtime());
                run.portOffset().ifPresent(offset -> {
                    window.run().controller().autoOffsetProperty().set(false);
                    window.run().controller().portOffsetProperty().set(offset);
                });
                window.run().controller().run();
            });
        }
        options.screenshot().ifPresent(png -> Platform.runLater(() -> saveAndExit(window, png, errors)));
    }

    private static void saveAndExit(StudioWindow window, Path png, List<String> errors) {
        errors.forEach(message -> System.err.println("studio: " + message));
        try {
            Snapshots.save(window.scene(), png);
        } catch (IOException e) {
            System.err.println("studio: cannot write " + png + ": " + e.getMessage());
            errors.add(e.getMessage());
        }
        if (errors.isEmpty()) {
            Platform.exit();
        } else {
            System.exit(1);
        }
    }
}

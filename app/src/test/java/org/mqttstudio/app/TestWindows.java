package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.shell.DialogQuestions;
import org.mqttstudio.app.shell.ShellServices;

/** Builds a window for a test: its own config folder, choosers the test answers, real dialogs. */
final class TestWindows {
    private TestWindows() {
    }

    static StudioWindow create(Stage stage, Path config, FakeChoosers choosers, List<String> errors,
            List<Path> openedFolders) {
        return new StudioWindow(stage, StudioFolders.locate(), FindingSource.NONE, errors::add,
                new ShellServices(config, choosers, new DialogQuestions(stage), openedFolders::add));
    }

    static Path sample(String name) {
        return StudioFolders.locate().samples().orElseThrow().resolve(name + ".json");
    }
}

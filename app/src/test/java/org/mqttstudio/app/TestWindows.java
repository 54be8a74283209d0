package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.shell.DialogQuestions;
import org.mqttstudio.app.shell.ShellServices;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** Builds a window for a test: its own config folder, choosers the test answers, real dialogs. */
final class TestWindows {
    private TestWindows() {
    }

    static StudioWindow create(Stage stage, Path config, FakeChoosers choosers, List<String> errors,
            List<Path> openedFolders) {
        return new StudioWindow(stage, StudioFolders.locate(), FindingSource.NONE, errors::add,
                new ShellServices(config, choosers, new DialogQuestions(stage), openedFolders::add));
    }

    /** A button of the dialog with {@code dialogId}: "Save" alone could also be a menu item or label. */
    static Button dialogButton(FxRobot robot, String dialogId, String text) {
        return robot.lookup("#" + dialogId + " .button").match(LabeledMatchers.hasText(text)).queryButton();
    }

    static Path sample(String name) {
        return StudioFolders.locate().samples().orElseThrow().resolve(name + ".json");
    }
}

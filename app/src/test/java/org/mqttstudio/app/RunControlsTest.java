package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.runtime.RunOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The run toolbar without a run: a typed port offset counts once the field is left; the runtime toggles. */
@ExtendWith(ApplicationExtension.class)
class RunControlsTest {
    @TempDir
    Path dir;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.create(stage, dir.resolve("config"), new FakeChoosers(), new ArrayList<>(),
                new ArrayList<>());
        stage.show();
    }

    @Test
    void aTypedOffsetIsTakenWhenTheFieldIsLeft(FxRobot robot) {
        robot.interact(() -> window.open(TestWindows.sample("challenge")));
        robot.clickOn("#port-offset .text-field");
        robot.interact(() -> robot.lookup("#port-offset .text-field").queryTextInputControl().selectAll());
        robot.write("3000");
        robot.clickOn("#filter-text"); // leave the field without Enter

        assertThat(fx(robot, () -> window.run().controller().portOffsetProperty().get())).isEqualTo(3000);
        assertThat(fx(robot, () -> window.run().controller().autoOffsetProperty().get())).isFalse();
    }

    @Test
    void theRuntimeIsChosenInTheToolbarAndMosquittoOnlyWhenInstalled(FxRobot robot) {
        ToggleButton mosquitto = robot.lookup("#runtime-mosquitto").queryAs(ToggleButton.class);
        assertThat(mosquitto.isDisabled()).isEqualTo(RunController.mosquittoMissing().isPresent());
        if (!mosquitto.isDisabled()) {
            robot.clickOn(mosquitto);
            assertThat(fx(robot, () -> window.run().controller().runtimeProperty().get()))
                    .isEqualTo(RunOptions.Runtime.MOSQUITTO);
            robot.clickOn("#runtime-embedded");
        }
        assertThat(fx(robot, () -> window.run().controller().runtimeProperty().get()))
                .isEqualTo(RunOptions.Runtime.EMBEDDED);
    }

    private static <T> T fx(FxRobot robot, Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }
}

package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.edit.Edit;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FileHandlingTest {
    @TempDir
    Path dir;
    private Path config;
    private final FakeChoosers choosers = new FakeChoosers();
    private final List<String> errors = new ArrayList<>();
    private Stage stage;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        config = dir.resolve("config");
        window = TestWindows.create(stage, config, choosers, errors, new ArrayList<>());
        stage.show();
    }

    @Test
    void saveAsSaveAndOpenRoundTrip(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(TestWindows.sample("case2")));
        assertThat(stage.getTitle()).isEqualTo("case2.json — MQTT Topology Studio");
        rename(robot, "central", "Hub");
        assertThat(stage.getTitle()).isEqualTo("*case2.json — MQTT Topology Studio");

        Path saved = dir.resolve("mine.json");
        choosers.save = saved;
        robot.interact(() -> assertThat(window.files().saveAs()).isTrue());
        assertThat(stage.getTitle()).isEqualTo("mine.json — MQTT Topology Studio");
        assertThat(new TopologyJson().read(saved)).isEqualTo(window.topology());
        assertThat(window.files().recentFiles()).first().isEqualTo(saved.toAbsolutePath());

        rename(robot, "central", "Hub 2");
        robot.interact(() -> assertThat(window.files().save()).isTrue());
        assertThat(choosers.asked).containsExactly("save"); // Save writes to the file, asks nothing
        Topology edited = window.topology();
        assertThat(new TopologyJson().read(saved)).isEqualTo(edited);

        robot.interact(() -> window.files().newFile());
        assertThat(window.topology()).isEqualTo(Topology.empty());
        assertThat(stage.getTitle()).isEqualTo("MQTT Topology Studio");
        choosers.open = saved;
        robot.interact(() -> window.files().open());
        assertThat(window.topology()).isEqualTo(edited);
        assertThat(window.document().dirtyProperty().get()).isFalse();

        robot.interact(() -> window.files().newFile());
        robot.clickOn("#menu-file").clickOn("#menu-recent")
                .clickOn("#menu-recent-0", Motion.HORIZONTAL_FIRST, MouseButton.PRIMARY);
        assertThat(window.topology()).isEqualTo(edited);
        assertThat(window.file()).contains(saved.toAbsolutePath());
        assertThat(errors).isEmpty();
    }

    @Test
    void unsavedChangesAskSaveDiscardOrCancel(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(TestWindows.sample("case1")));
        rename(robot, window.topology().brokers().get(0).id(), "Changed");
        Topology edited = window.topology();

        robot.clickOn("#menu-file").clickOn("#menu-new");
        DialogPane ask = robot.lookup("#unsaved-dialog").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Save changes to case1.json?");
        robot.clickOn(TestWindows.dialogButton(robot, "unsaved-dialog", "Cancel"));
        assertThat(window.topology()).isEqualTo(edited);

        robot.clickOn("#menu-file").clickOn("#menu-new");
        robot.clickOn(TestWindows.dialogButton(robot, "unsaved-dialog", "Discard"));
        assertThat(window.topology()).isEqualTo(Topology.empty());

        robot.interact(() -> window.open(TestWindows.sample("case1")));
        rename(robot, window.topology().brokers().get(0).id(), "Changed");
        Path saved = dir.resolve("saved.json");
        choosers.save = saved; // a sample is saved under a new name only when the user says so: Save asks
        robot.interact(() -> window.document().setFile(null));
        robot.clickOn("#menu-file").clickOn("#menu-new");
        robot.clickOn(TestWindows.dialogButton(robot, "unsaved-dialog", "Save"));
        assertThat(new TopologyJson().read(saved)).isEqualTo(edited);
        assertThat(window.topology()).isEqualTo(Topology.empty());
    }

    @Test
    void autosaveWritesUnsavedChangesAndTheNextStartOffersThem(FxRobot robot) throws Exception {
        Path file = dir.resolve("work.json");
        Files.copy(TestWindows.sample("challenge"), file);
        robot.interact(() -> window.open(file));
        robot.interact(() -> window.files().autosaveNow());
        assertThat(config.resolve("autosave.json")).doesNotExist(); // nothing unsaved yet

        rename(robot, "central", "Central (edited)");
        robot.interact(() -> window.files().autosaveNow());
        assertThat(config.resolve("autosave.json")).exists();
        Topology edited = window.topology();

        // "Restart": the first window dies without closing (a crash); a new one uses the same config folder.
        robot.interact(() -> window.files().stopAutosave());
        StudioWindow[] second = new StudioWindow[1];
        robot.interact(() -> {
            Stage stage2 = new Stage();
            second[0] = TestWindows.create(stage2, config, new FakeChoosers(), errors, new ArrayList<>());
            stage2.show();
        });
        Platform.runLater(() -> second[0].files().offerRecovery()); // blocks in its dialog
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane offer = robot.lookup("#recover-dialog").queryAs(DialogPane.class);
        assertThat(offer.getHeaderText()).startsWith("Recover unsaved canvas from ").endsWith("?");
        assertThat(offer.getContentText()).contains("work.json");
        robot.clickOn(TestWindows.dialogButton(robot, "recover-dialog", "Recover"));

        assertThat(second[0].topology()).isEqualTo(edited);
        assertThat(second[0].document().dirtyProperty().get()).isTrue();
        assertThat(second[0].file()).contains(file.toAbsolutePath());
        robot.interact(() -> second[0].document().undo()); // undo goes back to the file as saved
        assertThat(second[0].topology()).isEqualTo(new TopologyJson().read(file));

        // Saving removes the recovery file; a third start offers nothing.
        robot.interact(() -> second[0].document().redo());
        robot.interact(() -> assertThat(second[0].files().save()).isTrue());
        assertThat(config.resolve("autosave.json")).doesNotExist();
        robot.interact(() -> {
            second[0].files().stopAutosave();
            second[0].scene().getWindow().hide();
        });
    }

    @Test
    void declinedRecoveryDeletesTheRecoveryFile(FxRobot robot) throws IOException {
        robot.interact(() -> window.open(TestWindows.sample("case1")));
        rename(robot, window.topology().brokers().get(0).id(), "X");
        robot.interact(() -> window.files().autosaveNow());
        assertThat(config.resolve("autosave.json")).exists();

        Platform.runLater(() -> window.files().offerRecovery());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(TestWindows.dialogButton(robot, "recover-dialog", "Discard"));
        assertThat(config.resolve("autosave.json")).doesNotExist();
    }

    private void rename(FxRobot robot, String id, String name) {
        robot.interact(() -> window.document().execute(Edit.of("rename", t -> t.withNode(
                t.brokers().stream().filter(b -> b.id().equals(id)).findFirst()
                        .map(b -> new org.mqttstudio.topology.Broker(b.id(), name, b.host(), b.listeners(),
                                b.allowAnonymous(), b.users(), b.acl(), b.persistence(), b.logging(), b.limits(),
                                b.extraOptions(), b.position()))
                        .orElseThrow()))));
    }
}

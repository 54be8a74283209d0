package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.edit.Edit;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.shell.Questions;
import org.mqttstudio.app.shell.ShellServices;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The autosave's own timer writes the recovery file (nobody calls autosaveNow), and a window's start offers
 * it before opening the file it was asked to open; the interval is shortened by the test.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveTimerTest {
    private static final Duration INTERVAL = Duration.ofMillis(200);

    @TempDir
    Path dir;
    private Path config;
    private final List<String> errors = new ArrayList<>();
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        config = dir.resolve("config");
        window = create(stage, new Answers(false));
        stage.show();
    }

    @Test
    void theTimerCopiesAnEditAndTheNextStartOffersItBeforeTheFileAsked(FxRobot robot) throws Exception {
        Path work = dir.resolve("work.json");
        Files.copy(TestWindows.sample("challenge"), work);
        robot.interact(() -> window.start(Optional.of(work)));
        assertThat(window.topology().broker("central").orElseThrow().name()).isEqualTo("Central");
        Path recovery = config.resolve("autosave.json");

        robot.interact(() -> window.document().execute(Edit.of("rename",
                t -> t.withNode(t.broker("central").orElseThrow().withName("renamed")))));
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.isRegularFile(recovery)
                && Files.readString(recovery).contains("\"renamed\""));
        Topology edited = window.topology();
        robot.interact(() -> window.files().stopAutosave()); // the first run ends without saving

        Answers yes = new Answers(true);
        StudioWindow[] second = new StudioWindow[1];
        robot.interact(() -> {
            second[0] = create(new Stage(), yes);
            second[0].start(Optional.of(TestWindows.sample("case1")));
        });
        assertThat(yes.asked).containsExactly("work.json");
        assertThat(second[0].topology()).isEqualTo(edited);
        assertThat(second[0].file()).contains(work.toAbsolutePath());
        assertThat(second[0].document().dirtyProperty().get()).isTrue();

        // Declined: the recovery file goes, and the file asked for opens.
        robot.interact(() -> second[0].files().stopAutosave());
        Answers no = new Answers(false);
        StudioWindow[] third = new StudioWindow[1];
        robot.interact(() -> {
            third[0] = create(new Stage(), no);
            third[0].start(Optional.of(TestWindows.sample("case1")));
            third[0].files().stopAutosave();
        });
        assertThat(no.asked).containsExactly("work.json");
        assertThat(third[0].topology()).isEqualTo(new TopologyJson().read(TestWindows.sample("case1")));
        assertThat(recovery).doesNotExist();
        assertThat(errors).isEmpty();
        robot.interact(() -> {
            second[0].scene().getWindow().hide();
            third[0].scene().getWindow().hide();
        });
    }

    private StudioWindow create(Stage stage, Questions questions) {
        return new StudioWindow(stage, StudioFolders.locate(), FindingSource.NONE, errors::add,
                new ShellServices(config, new FakeChoosers(), questions, folder -> { }, INTERVAL));
    }

    /** Answers "recover?" as told and remembers for which file it was asked. */
    private static final class Answers implements Questions {
        private final boolean recover;
        private final List<String> asked = new ArrayList<>();

        Answers(boolean recover) {
            this.recover = recover;
        }

        @Override
        public Unsaved unsavedChanges(String name) {
            return Unsaved.DISCARD;
        }

        @Override
        public boolean recover(Instant savedAt, String name) {
            asked.add(name);
            return recover;
        }
    }
}

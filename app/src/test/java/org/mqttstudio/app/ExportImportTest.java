package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.mosquitto.BundleWriter;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ExportImportTest {
    @TempDir
    Path dir;
    private final FakeChoosers choosers = new FakeChoosers();
    private final List<String> errors = new ArrayList<>();
    private final List<Path> openedFolders = new ArrayList<>();
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.create(stage, dir.resolve("config"), choosers, errors, openedFolders);
        stage.show();
    }

    @Test
    void exportThroughTheDialogWritesWhatTheCliWrites(FxRobot robot) throws Exception {
        for (String sample : StudioFolders.SAMPLE_NAMES) {
            robot.interact(() -> window.open(TestWindows.sample(sample)));
            Path out = dir.resolve("dialog-" + sample);
            choosers.folder = out;

            robot.clickOn("#menu-file").clickOn("#menu-export");
            robot.clickOn("#export-choose"); // the folder chooser (answered by the test) fills the field
            assertThat(robot.lookup("#export-folder").queryAs(TextField.class).getText()).isEqualTo(out.toString());
            TextField offset = robot.lookup("#export-offset").queryAs(TextField.class);
            robot.interact(offset::clear);
            robot.clickOn(offset).write("70000");
            assertThat(robot.lookup("#export-ok").queryButton().isDisabled()).isTrue();
            robot.interact(offset::clear);
            robot.clickOn(offset).write("10000");
            robot.clickOn("#export-ok");

            Path cli = dir.resolve("cli-" + sample);
            List<Path> expected = new BundleWriter().write(new TopologyJson().read(TestWindows.sample(sample)), cli,
                    10000);
            ListView<?> listed = robot.lookup("#export-files").queryAs(ListView.class);
            assertThat(listed.getItems()).map(Object::toString)
                    .containsExactlyElementsOf(expected.stream().map(Path::toString).toList());
            assertThat(files(out)).isEqualTo(files(cli));
            for (Path file : expected) {
                assertThat(Files.readAllBytes(out.resolve(file))).as(sample + ": " + file)
                        .isEqualTo(Files.readAllBytes(cli.resolve(file)));
            }
            robot.clickOn("#export-open-folder");
            assertThat(openedFolders).last().isEqualTo(out);
            robot.interact(() -> listed.getScene().getWindow().hide());
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void importReadsConfFilesOntoANewUnsavedCanvas(FxRobot robot) throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter().write(new TopologyJson().read(TestWindows.sample("challenge")), bundle, 0);
        choosers.confs = List.of(bundle.resolve("central/mosquitto.conf"),
                bundle.resolve("bridge-broker-1/mosquitto.conf"));

        robot.clickOn("#menu-file").clickOn("#menu-import");

        assertThat(window.topology().brokers()).extracting(b -> b.id()).containsExactly("central", "bridge-broker-1");
        assertThat(window.topology().bridges()).hasSize(1);
        assertThat(window.document().dirtyProperty().get()).isTrue();
        assertThat(window.file()).isEmpty();
    }

    @Test
    void aBadConfFileIsReportedWithFileAndLine(FxRobot robot) throws IOException {
        Path conf = Files.writeString(dir.resolve("broken.conf"), "listener 1883\nnot_a_key 3\n");
        choosers.confs = List.of(conf);

        robot.clickOn("#menu-file").clickOn("#menu-import");

        DialogPane alert = robot.lookup("#action-error").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).startsWith(conf + ":2").doesNotContain("Exception");
        robot.interact(() -> alert.getScene().getWindow().hide());
    }

    @Test
    void anExportThatCannotWriteSaysWhereAndWhy(FxRobot robot) throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        robot.interact(() -> window.open(TestWindows.sample("case1")));
        robot.clickOn("#menu-file").clickOn("#menu-export");
        TextField folder = robot.lookup("#export-folder").queryAs(TextField.class);
        robot.interact(() -> folder.setText(blocker.toString()));
        robot.clickOn("#export-ok");

        DialogPane alert = robot.lookup("#action-error").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).startsWith(blocker + ": cannot write the bundle: ")
                .doesNotContain("Exception");
        robot.interact(() -> alert.getScene().getWindow().hide());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}

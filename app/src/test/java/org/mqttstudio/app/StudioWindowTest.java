package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.canvas.BridgeView;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final StudioFolders folders = StudioFolders.locate();
    private Stage stage;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new StudioWindow(stage, folders, FindingSource.NONE, message -> LoadErrorAlert.show(stage, message));
        stage.show();
    }

    @Test
    void opensTheChallengeAndDrawsEveryElement(FxRobot robot) {
        robot.interact(() -> assertThat(window.open(sample("challenge"))).isTrue());

        assertThat(stage.getTitle()).isEqualTo("challenge.json — MQTT Topology Studio");
        assertThat(robot.lookup(".broker-view").queryAll()).hasSize(4);
        assertThat(robot.lookup(".publisher-view").queryAll()).hasSize(2);
        assertThat(robot.lookup(".subscriber-view").queryAll()).hasSize(2);
        assertThat(robot.lookup(".client-link").queryAll()).hasSize(4);
        Set<BridgeView> bridges = robot.lookup(".bridge-view").queryAllAs(BridgeView.class);
        assertThat(bridges).hasSize(3).allSatisfy(bridge -> assertThat(bridge.labelLines()).contains("srv/# out 2"));
        assertThat(robot.lookup("#bridge1_central").queryAs(BridgeView.class).labelLines())
                .containsExactly("bridge1_central", "srv/# out 2");
        assertThat(robot.lookup("#central").queryAs(NodeView.class).getLayoutX()).isEqualTo(820.0);
        assertThat(window.scene().getStylesheets()).singleElement().asString().endsWith("assets/studio.css");
        assertThat(stage.getIcons()).singleElement().satisfies(icon -> assertThat(icon.isError()).isFalse());
    }

    @Test
    void aBadFileShowsItsErrorAndKeepsTheTopologyShown(FxRobot robot, @TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"format\": \"mqtt-topology-studio\",\n  \"brokers\": 3\n}\n");
        robot.interact(() -> window.open(sample("challenge")));
        var before = window.topology();

        robot.interact(() -> assertThat(window.open(bad)).isFalse());

        DialogPane alert = robot.lookup("#load-error").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).startsWith(bad + ":3:").contains("brokers").doesNotContain("Exception");
        assertThat(window.topology()).isSameAs(before);
        assertThat(robot.lookup(".broker-view").queryAll()).hasSize(4);
        assertThat(stage.getTitle()).startsWith("challenge.json");
        assertThat(window.findings().rows()).singleElement().satisfies(row -> {
            assertThat(row.level()).isEqualTo(FindingRow.Level.ERROR);
            assertThat(row.message()).isEqualTo(alert.getContentText());
        });
        robot.interact(() -> alert.getScene().getWindow().hide());

        robot.interact(() -> window.reload());
        assertThat(window.findings().rows()).isEmpty();
    }

    @Test
    void opensASampleFromTheMenu(FxRobot robot) {
        Node fileMenu = robot.lookup(".menu-bar .menu-button").nth(0).query();
        // Into the submenu sideways first, so the pointer never leaves "Open sample" on the way.
        robot.clickOn(fileMenu).clickOn("#menu-samples")
                .clickOn("#menu-sample-case2", Motion.HORIZONTAL_FIRST, MouseButton.PRIMARY);

        assertThat(stage.getTitle()).isEqualTo("case2.json — MQTT Topology Studio");
        assertThat(robot.lookup(".broker-view").queryAll()).hasSize(2);
        assertThat(robot.lookup("#bridge_central").queryAs(BridgeView.class).labelLines()).contains("srv/# out 0");
    }

    @Test
    void drawsTheChallengeCleanlyAndSavesAScreenshot(FxRobot robot) throws IOException {
        Path png = SCREENSHOTS.resolve("challenge.png");
        robot.interact(() -> {
            window.open(sample("challenge"));
            window.canvas().fit();
        });
        robot.interact(() -> {
            try {
                Snapshots.save(window.scene(), png);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        BufferedImage image = Screenshots.assertDrawn(png, window.canvas());
        assertThat(image.getWidth()).isEqualTo((int) window.scene().getWidth());
        List<Node> boxes = List.copyOf(robot.lookup(".node-view").queryAll());
        List<Node> labels = List.copyOf(robot.lookup(".bridge-label").queryAll());
        assertThat(labels).hasSize(3);
        for (Node label : labels) {
            assertThat(boxes).noneMatch(box -> overlap(label, box));
        }
        for (Node box : boxes) {
            assertThat(boxes).filteredOn(other -> other != box).noneMatch(other -> overlap(box, other));
            assertThat(window.canvas().localToScene(window.canvas().getLayoutBounds())
                    .contains(box.localToScene(box.getLayoutBounds()))).as("%s fits in the canvas", box.getId()).isTrue();
        }
    }

    private static boolean overlap(Node a, Node b) {
        Bounds first = a.localToScene(a.getLayoutBounds());
        Bounds second = b.localToScene(b.getLayoutBounds());
        return first.intersects(second);
    }

    private Path sample(String name) {
        return folders.samples().orElseThrow().resolve(name + ".json");
    }
}

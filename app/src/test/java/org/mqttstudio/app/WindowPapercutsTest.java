package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.canvas.ContextMenus;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.topology.Direction;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rough edges a new user met in the window: menus, Help, the status bar. */
@ExtendWith(ApplicationExtension.class)
class WindowPapercutsTest {
    private Stage stage;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new StudioWindow(stage, StudioFolders.locate(), FindingSource.CHECKER, message -> { });
        stage.show();
        window.open(TestWindows.sample("challenge"));
    }

    @Test
    void rightClickOnANodeSelectsItAndDeletes(FxRobot robot) {
        robot.clickOn("#publisher2", MouseButton.SECONDARY);
        assertThat(window.document().selection()).containsExactly("publisher2");
        assertThat(items(robot, "#context-node")).containsExactly("Properties", "Copy", "Delete");

        robot.clickOn("#context-delete");
        assertThat(window.topology().node("publisher2")).isEmpty();
        robot.interact(() -> window.document().undo());
        assertThat(window.topology().node("publisher2")).isPresent();
    }

    @Test
    void rightClickOnABridgeOpensItsPropertiesWithTheKeyboardInTheName(FxRobot robot) {
        Node label = robot.lookup("#bridge1_central .bridge-label").query();
        robot.clickOn(label, MouseButton.SECONDARY);
        assertThat(items(robot, "#context-bridge")).containsExactly("Properties", "Delete");

        robot.clickOn("#context-properties");
        assertThat(window.properties().elementId()).isEqualTo("bridge1_central");
        TextField name = robot.lookup("#prop-name").queryAs(TextField.class);
        assertThat(name.isFocused()).isTrue();
        assertThat(name.getSelectedText()).isEqualTo("bridge1_central");
    }

    @Test
    void rightClickOnEmptyCanvasAddsABrokerThereAndTakesMoreSections(FxRobot robot) {
        // What a run adds (part 2): a section of its own, below the designer's.
        window.editor().contextMenus().add(ContextMenus.Kind.CANVAS, target -> List.of(new MenuItem("Run")));
        Bounds canvas = window.canvas().localToScreen(window.canvas().getLayoutBounds());
        double x = canvas.getMaxX() - 120;
        double y = canvas.getMaxY() - 80;
        robot.moveTo(new Point2D(x, y)).press(MouseButton.SECONDARY).release(MouseButton.SECONDARY);
        assertThat(items(robot, "#context-canvas")).containsExactly("Add broker here", "Add publisher here",
                "Add subscriber here", "Add external broker here", null, "Paste", "Select all", "Fit to window", null,
                "Run");
        assertThat(menu(robot, "#context-canvas").getItems().get(5).isDisable()).as("nothing copied").isTrue();

        robot.clickOn("#context-add-broker");
        assertThat(window.topology().broker("broker1")).isPresent();
        NodeView<?> view = window.canvas().nodeView("broker1").orElseThrow();
        assertThat(view.localToScreen(view.getLayoutBounds()).contains(x, y)).as("created where clicked").isTrue();
        assertThat(window.document().selection()).containsExactly("broker1");
    }

    @Test
    void helpListsTheMenusShortcutsAndTheCanvasGestures(FxRobot robot) {
        robot.clickOn("#menu-help").clickOn("#menu-shortcuts");
        DialogPane dialog = robot.lookup("#shortcuts").queryAs(DialogPane.class);
        List<String> texts = robot.from(dialog).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(texts).containsSubsequence("Ctrl+Z", "Edit ▸ Undo")
                .containsSubsequence("Ctrl+0", "View ▸ Fit to window")
                .containsSubsequence("Ctrl+S", "File ▸ Save").contains("Canvas: pan", "Middle button or Space+drag");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void ctrlZeroFitsTheDiagramAsTheViewMenuSays(FxRobot robot) {
        robot.interact(() -> window.canvas().fit());
        double fitted = window.canvas().zoom();
        robot.interact(() -> {
            window.canvas().zoomIn();
            window.canvas().zoomIn();
        });
        robot.clickOn("#canvas").push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(window.canvas().zoom()).isEqualTo(fitted);
    }

    @Test
    void aboutShowsTheVersionOfTheBuild(FxRobot robot) {
        String version = System.getProperty("studio.version");
        assertThat(version).as("surefire passes the project's version").isNotBlank();
        robot.clickOn("#menu-help").clickOn("#menu-about");
        DialogPane about = robot.lookup("#about").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("MQTT Topology Studio " + version);
        robot.interact(() -> about.getScene().getWindow().hide());
    }

    @Test
    void theStatusBarForgetsAGesturesMessageOnTheNextEdit(FxRobot robot) {
        Label status = robot.lookup("#status").queryAs(Label.class);
        Circle handle = window.canvas().nodeView("central").orElseThrow().handle().orElseThrow();
        NodeView<?> target = window.canvas().nodeView("bridge-broker-1").orElseThrow();
        Bounds box = target.localToScreen(target.getLayoutBounds());
        robot.drag(handle.localToScreen(handle.getCenterX(), handle.getCenterY()), MouseButton.PRIMARY)
                .dropTo(new Point2D(box.getCenterX(), box.getCenterY()));
        assertThat(status.getText()).isEqualTo("Added bridge bridge_central_bridge-broker-1 (# out 0)");

        double oneLine = status.getHeight();

        robot.clickOn("#prop-rules-0-direction").clickOn("both");
        assertThat(window.topology().bridge("bridge_central_bridge-broker-1").orElseThrow().rules().get(0).direction())
                .isEqualTo(Direction.BOTH);
        assertThat(status.getText()).isEmpty();

        // The new bridge gives TemperatureSubscriber a second route: both on the one line, which keeps its height.
        robot.interact(() -> window.document().select(Set.of("temperature-subscriber")));
        // The routes come with the re-check, off the FX thread.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> window.canvas().routeInfoProperty().get().contains("\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains(StatusBar.ROUTE_SEPARATOR).doesNotContain("\n");
        assertThat(status.getHeight()).isEqualTo(oneLine);
    }

    @Test
    void theStatusBarShowsSeveralRoutesOnOneLineAndKeepsItsHeight(FxRobot robot) {
        StringProperty routes = new SimpleStringProperty("");
        StringProperty message = new SimpleStringProperty("Added broker1");
        StatusBar[] bar = new StatusBar[1];
        robot.interact(() -> {
            bar[0] = new StatusBar(routes, message);
            Stage small = new Stage();
            Scene scene = new Scene(new VBox(bar[0]), 400, 100);
            scene.getStylesheets().setAll(window.scene().getStylesheets());
            small.setScene(scene);
            small.show();
        });
        double oneLine = bar[0].getHeight();
        assertThat(bar[0].getText()).isEqualTo("Added broker1");

        robot.interact(() -> routes.set("P1 -> a -> b -> S1 (QoS 2)\nP2 -> a -> c -> S1 (QoS 1)\nP3 -> d -> S1 (QoS 0)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar[0].getText()).isEqualTo("P1 -> a -> b -> S1 (QoS 2)" + StatusBar.ROUTE_SEPARATOR
                + "P2 -> a -> c -> S1 (QoS 1)" + StatusBar.ROUTE_SEPARATOR + "P3 -> d -> S1 (QoS 0)");
        assertThat(bar[0].getHeight()).isEqualTo(oneLine);
        assertThat(bar[0].getTooltip().getText()).contains("\n");
        robot.interact(() -> bar[0].getScene().getWindow().hide());
    }

    private static List<String> items(FxRobot robot, String menuId) {
        return menu(robot, menuId).getItems().stream().map(MenuItem::getText).toList();
    }

    private static ContextMenu menu(FxRobot robot, String menuId) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu)
                .map(w -> (ContextMenu) w).filter(Window::isShowing)
                .filter(m -> ("#" + m.getId()).equals(menuId)).findFirst().orElseThrow();
    }
}

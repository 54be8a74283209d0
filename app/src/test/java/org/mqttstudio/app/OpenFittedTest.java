package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.findings.FindingSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening a file shows it fitted to the window with node names readable: at least 12 px on screen. (The
 * challenge fits whole on a 1600 x 1000 screen; the headless screen here is 1280 x 800, where it does not.)
 */
@ExtendWith(ApplicationExtension.class)
class OpenFittedTest {
    private Stage stage;
    private StudioWindow window;

    /** A stage of its own: the primary stage, which later test classes reuse, keeps its size. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
        window = new StudioWindow(stage, StudioFolders.locate(), FindingSource.NONE, message -> { });
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void aDiagramThatFitsAtReadableSizeOpensWholeAndFillingTheCanvas(FxRobot robot) {
        size(robot, 1280, 800);
        robot.interact(() -> window.open(TestWindows.sample("case1")));
        WaitForAsyncUtils.waitForFxEvents();

        TopologyCanvas canvas = window.canvas();
        Bounds visible = canvas.localToScene(canvas.getLayoutBounds());
        for (NodeView<?> view : canvas.nodeViews()) {
            assertThat(visible.contains(view.localToScene(view.getLayoutBounds()))).as("%s in view", view.getId())
                    .isTrue();
            assertThat(nameHeight(canvas, view)).as("name of %s on screen", view.getId())
                    .isGreaterThanOrEqualTo(12);
        }
        // Fitted, not merely readable: the diagram spans most of the canvas's width.
        double left = canvas.nodeViews().stream().mapToDouble(v -> v.localToScene(v.getLayoutBounds()).getMinX())
                .min().orElseThrow();
        double right = canvas.nodeViews().stream().mapToDouble(v -> v.localToScene(v.getLayoutBounds()).getMaxX())
                .max().orElseThrow();
        assertThat(right - left).isGreaterThan(0.85 * visible.getWidth());
    }

    @Test
    void aDiagramTooLargeForTheWindowKeepsNamesReadableAndShowsFromTheStartOfTheFlow(FxRobot robot) {
        size(robot, 1024, 700);
        robot.interact(() -> window.open(TestWindows.sample("challenge")));
        WaitForAsyncUtils.waitForFxEvents();

        TopologyCanvas canvas = window.canvas();
        for (NodeView<?> view : canvas.nodeViews()) {
            assertThat(nameHeight(canvas, view)).as("name of %s on screen", view.getId())
                    .isGreaterThanOrEqualTo(12);
        }
        Bounds visible = canvas.localToScene(canvas.getLayoutBounds());
        NodeView<?> first = canvas.nodeView("publisher1").orElseThrow();
        assertThat(visible.contains(first.localToScene(first.getLayoutBounds()))).isTrue();

        // Fit to window still shows everything, names or not.
        robot.interact(canvas::fit);
        for (NodeView<?> view : canvas.nodeViews()) {
            assertThat(visible.contains(view.localToScene(view.getLayoutBounds()))).as("%s in view", view.getId())
                    .isTrue();
        }
    }

    private void size(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The name's font size as drawn: the style sheet's size times the zoom. */
    private static double nameHeight(TopologyCanvas canvas, NodeView<?> view) {
        return view.titleFontSize() * canvas.zoom() + 1e-9;
    }
}

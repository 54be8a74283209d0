package org.mqttstudio.app.deliveries;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.mqttstudio.app.Snapshots;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.run.PortOffsets;
import org.mqttstudio.app.run.RunPhase;
import org.mqttstudio.app.run.RunWorkspace;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;

/**
 * A test's run workspace (the window's, without the window): its bottom tabs on a stage with the studio's
 * stylesheet, a run of a topology on the embedded runtime started as the Run button does, and the deliveries
 * tables read back from their JavaFX rows and cells.
 */
final class DeliveriesWorkspace {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final RunWorkspace workspace;
    private final TabPane bottom;
    private final Scene scene;

    DeliveriesWorkspace(Stage stage, Topology topology) {
        workspace = new RunWorkspace(new TopologyCanvas(), new Document(topology), rows -> { },
                (name, format) -> Optional.empty());
        bottom = workspace.bottom(new Label("problems"));
        scene = new Scene(bottom, 1280, 800);
        Path css = StudioFolders.locate().asset("studio.css")
                .orElseThrow(() -> new AssertionError("assets/studio.css not found"));
        scene.getStylesheets().add(css.toUri().toString());
        stage.setScene(scene);
        stage.show();
    }

    static Topology challenge() throws Exception {
        return new TopologyJson().read(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
    }

    RunWorkspace workspace() {
        return workspace;
    }

    /** Runs the document's topology on ports no other test holds; returns the runner once it runs. */
    TopologyRunner run(FxRobot robot, Topology topology) {
        int offset = FreePorts.offsetFor(PortOffsets.designed(topology));
        robot.interact(() -> {
            workspace.controller().runtimeProperty().set(RunOptions.Runtime.EMBEDDED);
            workspace.controller().autoOffsetProperty().set(false);
            workspace.controller().portOffsetProperty().set(offset);
            workspace.controller().run();
        });
        await().atMost(WAIT).until(() -> fx(robot, () -> workspace.controller().phaseProperty().get())
                == RunPhase.RUNNING);
        return fx(robot, () -> workspace.controller().runner().orElseThrow());
    }

    void stop(FxRobot robot) {
        robot.interact(() -> workspace.controller().stop());
        await().atMost(WAIT).until(() -> fx(robot, () -> workspace.controller().phaseProperty().get())
                == RunPhase.IDLE);
    }

    /** Brings a bottom tab forward by its id, as a click on it would. */
    void select(FxRobot robot, String tabId) {
        robot.interact(() -> bottom.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> bottom.getSelectionModel().select(t)));
    }

    /** The id of the bottom tab in front. */
    String selectedTab(FxRobot robot) {
        return fx(robot, () -> bottom.getSelectionModel().getSelectedItem().getId());
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                Snapshots.save(scene, SCREENSHOTS.resolve(name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The rows a table shows, as their cells' texts by column title (read from the TableRow and TableCell nodes). */
    static List<Map<String, String>> shownRows(FxRobot robot, String tableId) {
        return fx(robot, () -> {
            TableView<?> table = robot.lookup(tableId).queryTableView();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Node node : table.lookupAll(".table-row-cell")) {
                TableRow<?> row = (TableRow<?>) node;
                if (!onScreen(row) || row.isEmpty() || row.getItem() == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Node c : row.lookupAll(".table-cell")) {
                    TableCell<?, ?> cell = (TableCell<?, ?>) c;
                    cells.put(cell.getTableColumn().getText(), cell.getText() == null ? "" : cell.getText());
                }
                cells.put("#", Integer.toString(row.getIndex()));
                rows.add(cells);
            }
            rows.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.get("#"))));
            rows.forEach(r -> r.remove("#"));
            return rows;
        });
    }

    /** The topics table's row of one subscriber and topic, as shown. */
    static Optional<Map<String, String>> topicRow(FxRobot robot, String subscriber, String topic) {
        return shownRows(robot, "#delivery-topics").stream()
                .filter(r -> r.get("Subscriber").equals(subscriber) && r.get("Topic").equals(topic)).findFirst();
    }

    /**
     * Whether a node and all its parents are visible: a table keeps a row for measuring in a hidden group, visible
     * itself, that a click would miss.
     */
    static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    static <T> T fx(FxRobot robot, Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }
}

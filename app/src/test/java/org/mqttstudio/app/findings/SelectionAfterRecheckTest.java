package org.mqttstudio.app.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.StudioWindow;
import org.mqttstudio.topology.Topology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A re-check after an edit, a drag or an undo replaces the problems panel's rows; it must not move
 * the user's selection to the element of whatever row ends up selected, nor keep a stale glow.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionAfterRecheckTest {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");
    private static final Duration CHECKED = Duration.ofSeconds(20);

    /**
     * One warning per broker, ordered by name and naming its position, and one info per publisher with its
     * interval: renaming a broker reorders the rows, dragging or editing changes their text.
     */
    private final FindingSource source = SelectionAfterRecheckTest::findings;
    private final List<String> cssWarnings = Collections.synchronizedList(new ArrayList<>());
    private final Logger cssLogger = Logger.getLogger("javafx.css");
    private final Handler cssHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            cssWarnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        cssLogger.addHandler(cssHandler);
        window = new StudioWindow(stage, StudioFolders.locate(), source, message -> { });
        stage.show();
        window.open(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
    }

    @AfterEach
    void removeHandler() {
        cssLogger.removeHandler(cssHandler);
    }

    @Test
    void editingAnotherElementAfterChoosingAProblemKeepsThatElementSelected(FxRobot robot) {
        await().atMost(CHECKED).until(() -> window.findings().rows().size() == 6);
        robot.clickOn(row(robot, "bridge-broker-2"));
        assertThat(window.document().selection()).containsExactly("bridge-broker-2");
        assertThat(highlighted(robot, "bridge-broker-2")).isTrue();

        robot.clickOn("#publisher1");
        assertThat(highlighted(robot, "bridge-broker-2")).as("the problem's glow ends").isFalse();
        robot.clickOn("#prop-interval").push(KeyCode.CONTROL, KeyCode.A).write("500").type(KeyCode.TAB);
        await().atMost(CHECKED).until(() -> window.findings().rows().stream()
                .anyMatch(r -> r.message().equals("Publisher1 sends every 500 ms")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.topology().publishers().get(0).intervalMs()).isEqualTo(500);
        assertThat(window.document().selection()).containsExactly("publisher1");
        assertThat(window.properties().elementId()).isEqualTo("publisher1");
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(Stream.of("bridge-broker-2", "publisher1")).noneMatch(id -> highlighted(robot, id));
    }

    @Test
    void aRecheckThatReordersTheRowsKeepsTheChosenProblemAndItsElement(FxRobot robot) {
        await().atMost(CHECKED).until(() -> window.findings().rows().size() == 6);
        robot.clickOn(row(robot, "central"));
        assertThat(window.document().selection()).containsExactly("central");

        // Renamed "AAA", central's row moves from last to first among the brokers.
        robot.clickOn("#prop-name").push(KeyCode.CONTROL, KeyCode.A).write("AAA").type(KeyCode.TAB);
        awaitFirstRow("AAA at (820, 240)");
        assertKept(robot, "central");

        robot.interact(() -> window.document().undo());
        awaitFirstRow("BridgeBroker1 at (300, 100)");
        assertKept(robot, "central");

        robot.drag("#central", MouseButton.PRIMARY).moveBy(80, 0).drop();
        await().atMost(CHECKED).until(() -> window.findings().rows().stream()
                .anyMatch(r -> r.message().startsWith("Central at (") && !r.message().equals("Central at (820, 240)")));
        assertKept(robot, "central");
        assertThat(cssWarnings).noneMatch(m -> m != null && m.contains("Loop detected"));
    }

    private void awaitFirstRow(String message) {
        await().atMost(CHECKED).until(() -> window.findings().rows().get(0).message().equals(message));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertKept(FxRobot robot, String id) {
        assertThat(window.document().selection()).containsExactly(id);
        assertThat(window.properties().elementId()).isEqualTo(id);
        assertThat(table(robot).getSelectionModel().getSelectedItem().elementId()).isEqualTo(id);
        assertThat(highlighted(robot, id)).isTrue();
        assertThat(window.topology().nodes()).filteredOn(n -> !n.id().equals(id))
                .noneMatch(n -> highlighted(robot, n.id()));
    }

    private static List<FindingRow> findings(Topology t) {
        List<FindingRow> rows = new ArrayList<>();
        t.brokers().stream().sorted(Comparator.comparing(b -> b.name())).forEach(b -> rows.add(new FindingRow(
                FindingRow.Level.WARNING, "where", b.id(), b.name() + " at (" + Math.round(b.position().x()) + ", "
                        + Math.round(b.position().y()) + ")", "")));
        t.publishers().forEach(p -> rows.add(new FindingRow(FindingRow.Level.INFO, "interval", p.id(),
                p.name() + " sends every " + p.intervalMs() + " ms", "")));
        return rows;
    }

    private static boolean highlighted(FxRobot robot, String id) {
        return robot.lookup("#" + id).query().getPseudoClassStates().contains(HIGHLIGHTED);
    }

    @SuppressWarnings("unchecked")
    private static TableView<FindingRow> table(FxRobot robot) {
        return robot.lookup(".findings-table").queryAs(TableView.class);
    }

    /** The row of the element's finding, scrolled into view so a click lands on it. */
    private static Node row(FxRobot robot, String elementId) {
        FindingRow finding = table(robot).getItems().stream().filter(r -> elementId.equals(r.elementId()))
                .findFirst().orElseThrow();
        robot.interact(() -> table(robot).scrollTo(finding));
        return robot.lookup(".table-row-cell").match((TableRow<FindingRow> r) -> r.getItem() != null
                && elementId.equals(r.getItem().elementId())).query();
    }
}

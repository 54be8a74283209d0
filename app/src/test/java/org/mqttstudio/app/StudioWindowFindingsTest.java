package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The problems panel fed by a finding source, as the checker will feed it. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowFindingsTest {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    /** Stands in for the checker: one warning per broker without a subscriber. */
    private final FindingSource lonelyBrokers = topology -> topology.brokers().stream()
            .filter(b -> topology.subscribersOn(b.id()).isEmpty())
            .map(b -> new FindingRow(FindingRow.Level.WARNING, "no-subscriber", b.id(),
                    b.name() + " has no subscriber", "add one"))
            .toList();
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        window = new StudioWindow(stage, StudioFolders.locate(), lonelyBrokers, message -> { });
        stage.show();
    }

    @Test
    void showsTheSourcesFindingsAndHighlightsTheSelectedOnesElement(FxRobot robot)
            throws IOException, TimeoutException {
        robot.interact(() -> window.open(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json")));
        // The checks run off the FX thread: wait for their result to reach the panel.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.findings().rows().size() == 3);

        assertThat(window.findings().rows()).extracting(FindingRow::elementId)
                .containsExactly("bridge-broker-1", "bridge-broker-2", "bridge-broker-3");
        @SuppressWarnings("unchecked")
        TableView<FindingRow> table = robot.lookup(".findings-table").queryAs(TableView.class);
        robot.clickOn(robot.lookup(".finding-warning").nth(1).queryAs(Node.class));

        assertThat(table.getSelectionModel().getSelectedItem().elementId()).isEqualTo("bridge-broker-2");
        assertThat(robot.lookup("#bridge-broker-2").query().getPseudoClassStates()).contains(HIGHLIGHTED);
        assertThat(List.of("bridge-broker-1", "central")).allSatisfy(id ->
                assertThat(robot.lookup("#" + id).query().getPseudoClassStates()).doesNotContain(HIGHLIGHTED));
        Path png = Path.of("target", "screenshots", "finding-selected.png");
        robot.interact(() -> {
            try {
                Snapshots.save(window.scene(), png);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Screenshots.assertDrawn(png, window.canvas());
    }
}

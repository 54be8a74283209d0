package org.mqttstudio.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.Snapshots;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.StudioWindow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.run.PortOffsets;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.app.run.RunPhase;
import org.mqttstudio.app.shell.DialogQuestions;
import org.mqttstudio.app.shell.ShellServices;
import org.mqttstudio.app.shell.SystemFileChoosers;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Fault injection through the canvas's real right-click menus on a real embedded run of the challenge: a broker
 * stopped and started, a bridge cut and restored (drawn cut meanwhile), a client's link delayed, and the items an
 * external broker cannot have.
 */
@ExtendWith(ApplicationExtension.class)
class FaultMenuRunTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    private StudioWindow window;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        window = new StudioWindow(stage, StudioFolders.locate(), FindingSource.NONE, message -> { },
                new ShellServices(dir.resolve("config"), new SystemFileChoosers(), new DialogQuestions(stage),
                        folder -> { }));
        stage.show();
    }

    @AfterEach
    void stopTheRun() {
        if (robot != null) {
            robot.interact(() -> controller().stop());
            await().atMost(WAIT).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        }
    }

    @Test
    void stoppingBridgeBroker3GreysItAndDisconnectsItsBridgeAndStartingItBringsTemperatureBack(FxRobot fxRobot)
            throws IOException {
        run(fxRobot, challenge());
        await().atMost(WAIT).until(() -> received("temperature-subscriber") > 0);

        assertThat(openMenu("#bridge-broker-3")).contains("Stop broker").doesNotContain("Start broker");
        robot.clickOn("#fault-stop-broker");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(styles("#bridge-broker-3")).contains("run-user-stopped", "run-stopped");
            assertThat(state("bridge2_bridge3")).contains(NodeStatus.State.FAILED);
            assertThat(chip("bridge2_bridge3")).startsWith("disconnected");
            assertThat(styles("#bridge2_bridge3")).contains("run-broker-down");
            assertThat(chipStyles("bridge2_bridge3")).contains("run-broker-down");
        });
        assertThat(styles("#bridge1_central")).doesNotContain("run-broker-down");
        assertThat(fx(() -> robot.lookup("#run-message").queryLabeled().getTooltip().getText()))
                .isEqualTo("BridgeBroker3: stopped: its bridges and clients lose it.");
        snapshotTheCanvas(SCREENSHOTS.resolve("stopped-broker.png"));

        assertThat(openMenu("#bridge-broker-3")).contains("Start broker").doesNotContain("Stop broker");
        long beforeStart = received("temperature-subscriber");
        robot.clickOn("#fault-start-broker");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(styles("#bridge-broker-3")).doesNotContain("run-user-stopped", "run-stopped");
            assertThat(state("bridge-broker-3")).contains(NodeStatus.State.RUNNING);
            assertThat(state("bridge2_bridge3")).contains(NodeStatus.State.RUNNING);
            assertThat(chip("bridge2_bridge3")).startsWith("connected");
            assertThat(styles("#bridge2_bridge3")).doesNotContain("run-broker-down");
            assertThat(received("temperature-subscriber")).isGreaterThan(beforeStart);
        });
        assertThat(fx(() -> window.run().decorations().chipText("bridge-broker-3"))).startsWith("running");
    }

    @Test
    void aCutBridgeIsDrawnCutAndRefusedUntilRestoredAndAClientLinkTakesLatency(FxRobot fxRobot) throws IOException {
        run(fxRobot, challenge());
        await().atMost(WAIT).until(() -> state("bridge1_central").equals(Optional.of(NodeStatus.State.RUNNING)));

        assertThat(openMenu("#bridge1_central .bridge-label")).contains("Cut link", "Add latency")
                .doesNotContain("Restore link", "Remove latency");
        robot.clickOn("#fault-cut");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(styles("#bridge1_central")).contains("run-cut");
            assertThat(fx(() -> ((Shape) robot.lookup("#bridge1_central .bridge-line").query())
                    .getStrokeDashArray())).isNotEmpty();
            assertThat(state("bridge1_central")).contains(NodeStatus.State.FAILED);
            assertThat(chip("bridge1_central")).startsWith("disconnected");
            assertThat(marker("bridge1_central").map(Label::getText)).contains("cut");
        });
        // the cut holds: the bridge's reconnects are refused while it lasts (its first retry comes within 5 s)
        await().during(Duration.ofSeconds(6)).atMost(WAIT)
                .until(() -> !state("bridge1_central").equals(Optional.of(NodeStatus.State.RUNNING)));
        snapshotTheCanvas(SCREENSHOTS.resolve("cut-bridge.png"));

        assertThat(openMenu("#bridge1_central .bridge-label")).contains("Restore link").doesNotContain("Cut link");
        robot.clickOn("#fault-restore");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(styles("#bridge1_central")).doesNotContain("run-cut");
            assertThat(marker("bridge1_central")).isEmpty();
            assertThat(state("bridge1_central")).contains(NodeStatus.State.RUNNING);
            assertThat(chip("bridge1_central")).startsWith("connected");
        });
        // the trace shows what happened: the bridge's connection at Central, and its new one after the restore
        String bridgeClient = challenge().bridge("bridge1_central").orElseThrow()
                .effectiveRemoteClientId(RunOptions.defaults().hostname());
        assertThat(fx(() -> window.run().table().allRows().stream().filter(r -> !r.isGap()
                && r.node().equals("Central") && r.clientId().equals(bridgeClient) && r.type().equals("CONNACK"))
                .count())).as("CONNACKs of %s at Central", bridgeClient).isGreaterThanOrEqualTo(2);

        openMenu("#publisher1");
        robot.clickOn("#fault-latency");
        robot.clickOn("#fault-latency-500");
        await().atMost(WAIT).until(() -> marker("publisher1").map(Label::getText).equals(Optional.of("+500 ms")));
        snapshotTheCanvas(SCREENSHOTS.resolve("link-latency.png"));
        assertThat(openMenu("#publisher1")).contains("Change latency (+500 ms)", "Remove latency");
        robot.clickOn("#fault-latency-remove");
        await().atMost(WAIT).until(() -> marker("publisher1").isEmpty());

        // a latency of one's own: the dialog refuses what is not a number of milliseconds, with the reason
        openMenu("#publisher1");
        robot.clickOn("#fault-latency");
        robot.clickOn("#fault-latency-custom");
        robot.clickOn("#latency-ms").write("abc");
        assertThat(fx(() -> robot.lookup("#latency-problem").queryAs(Label.class).getText()))
                .isEqualTo("'abc' is not a whole number of milliseconds.");
        assertThat(fx(() -> robot.lookup("#latency-dialog .button").match(b -> ((javafx.scene.control.Button) b)
                .isDefaultButton()).query().isDisabled())).isTrue();
        robot.interact(() -> {
            try {
                Snapshots.save(robot.lookup("#latency-dialog").query().getScene(), SCREENSHOTS.resolve("latency-dialog.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.interact(() -> robot.lookup("#latency-ms").queryTextInputControl().setText("750"));
        robot.clickOn(robot.lookup("#latency-dialog .button").match(b -> ((javafx.scene.control.Button) b)
                .isDefaultButton()).<Node>query());
        await().atMost(WAIT).until(() -> marker("publisher1").map(Label::getText).equals(Optional.of("+750 ms")));

        // the run's end forgets every fault and takes its drawing away
        robot.interact(() -> controller().stop());
        await().atMost(WAIT).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        assertThat(marker("publisher1")).isEmpty();
        assertThat(fx(() -> window.faults().state().latency().isEmpty())).isTrue();
    }

    @Test
    void anExternalBrokerAndTheLinksToItHaveTheirItemsDisabledWithTheReason(FxRobot fxRobot) {
        Topology challenge = challenge();
        Topology withCloud = challenge
                .withNode(new ExternalBroker("cloud", "Cloud", "127.0.0.1", FreePorts.one(), new Position(1080, 520)))
                .withNode(new Publisher("cloud-sensor", "CloudSensor", "cloud", ClientSettings.of("cloud_sensor"),
                        "srv/cloud", "x", 1000, 0, 0, false, new Position(1080, 660)))
                .withBridge(Bridge.simple("central_cloud", "central_cloud", "central", "cloud",
                        List.of(new BridgeRule("srv/#", Direction.OUT, 1, null, null))));
        robot = fxRobot;
        open(withCloud);
        // designing: no fault items at all
        assertThat(openMenu("#bridge-broker-3")).doesNotContain("Stop broker", "Start broker");
        assertThat(openMenu("#publisher1")).doesNotContain("Cut link");
        closeMenus();
        startRun();

        assertThat(disabledItems("#cloud")).containsExactly("Faults: Cloud has no tap (outside the run)");
        assertThat(disabledItems("#central_cloud .bridge-label"))
                .containsExactly("Faults: central_cloud connects to Cloud, which has no tap (outside the run)");
        assertThat(disabledItems("#cloud-sensor"))
                .containsExactly("Faults: CloudSensor connects to Cloud, which has no tap (outside the run)");
        assertThat(openMenu("#central")).contains("Stop broker");
        assertThat(menuItems().stream().filter(i -> "Stop broker".equals(i.getText())).allMatch(i -> !i.isDisable()))
                .isTrue();
        closeMenus();
    }

    /** The canvas alone at twice its size (nothing selected), so the cut reads well in the PNG. */
    private void snapshotTheCanvas(Path png) throws IOException {
        robot.interact(() -> window.document().select(Set.of()));
        SnapshotParameters twice = new SnapshotParameters();
        twice.setTransform(Transform.scale(2, 2));
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(window.canvas().snapshot(twice, null)));
        Files.createDirectories(png.toAbsolutePath().getParent());
        assertThat(ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", png.toFile())).isTrue();
    }

    private static Topology challenge() {
        try {
            return new TopologyJson().read(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
        } catch (TopologyFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(FxRobot fxRobot, Topology topology) {
        robot = fxRobot;
        open(topology);
        startRun();
    }

    private void open(Topology topology) {
        Path file = dir.resolve("topology.json");
        try {
            new TopologyJson().write(topology, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        robot.interact(() -> assertThat(window.open(file)).isTrue());
        int offset = FreePorts.offsetFor(PortOffsets.designed(topology)); // leased: no other test takes them
        robot.interact(() -> {
            controller().runtimeProperty().set(RunOptions.Runtime.EMBEDDED);
            controller().autoOffsetProperty().set(false);
            controller().portOffsetProperty().set(offset);
        });
    }

    private void startRun() {
        robot.clickOn("#run-button");
        await().atMost(WAIT).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.RUNNING);
    }

    /** Right-clicks the node matching {@code query} as a user would; the texts of the menu that opens. */
    private List<String> openMenu(String query) {
        closeMenus();
        robot.clickOn(robot.lookup(query).<Node>query(), MouseButton.SECONDARY);
        return menuItems().stream().map(MenuItem::getText).filter(java.util.Objects::nonNull).toList();
    }

    private List<String> disabledItems(String query) {
        openMenu(query);
        List<String> texts = menuItems().stream().filter(MenuItem::isDisable).map(MenuItem::getText).toList();
        closeMenus();
        return texts;
    }

    private List<MenuItem> menuItems() {
        return fx(() -> robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).filter(m -> m.getId() != null && m.getId().startsWith("context-"))
                .findFirst().map(m -> List.copyOf(m.getItems())).orElse(List.of()));
    }

    private void closeMenus() {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w instanceof ContextMenu).map(Window.class::cast)
                .toList().forEach(Window::hide));
    }

    private RunController controller() {
        return window.run().controller();
    }

    private Optional<NodeStatus.State> state(String elementId) {
        return fx(() -> controller().status(elementId).map(NodeStatus::state));
    }

    private String chip(String elementId) {
        return fx(() -> window.run().decorations().chipText(elementId));
    }

    private List<String> chipStyles(String elementId) {
        return styles("#run-chip-" + elementId);
    }

    private List<String> styles(String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(n -> List.copyOf(n.getStyleClass())).orElse(List.of()));
    }

    private Optional<Label> marker(String elementId) {
        return fx(() -> robot.lookup("#run-fault-" + elementId).tryQuery().map(Label.class::cast));
    }

    /** The subscriber's received count, as its chip shows it. */
    private long received(String subscriberId) {
        String text = chip(subscriberId);
        int at = text.indexOf(" received");
        return at < 0 ? 0 : Long.parseLong(text.substring(text.lastIndexOf(' ', at - 1) + 1, at).replace(",", ""));
    }

    private <T> T fx(Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }
}

package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.edit.Edit;
import org.mqttstudio.app.run.PortOffsets;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.app.run.RunPhase;
import org.mqttstudio.app.tracepanel.PacketTable;
import org.mqttstudio.app.tracepanel.TraceExport;
import org.mqttstudio.app.tracepanel.TraceFilter;
import org.mqttstudio.app.tracepanel.TraceRow;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The challenge run from the window on both runtimes, on real sockets: trace, canvas status, stop, a taken port. */
@ExtendWith(ApplicationExtension.class)
class ChallengeRunTest {
    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    private Stage stage;
    private StudioWindow window;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.create(stage, dir.resolve("config"), new FakeChoosers(), new ArrayList<>(),
                new ArrayList<>());
        stage.show();
    }

    @AfterEach
    void stopTheRun() {
        if (robot != null) {
            robot.interact(() -> controller().stop());
            await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        }
    }

    @Test
    void runsTheChallengeOnTheEmbeddedRuntimeAndStopsWithEveryPortFree(FxRobot robot)
            throws IOException, InterruptedException {
        int offset = openAndChoose(robot, RunOptions.Runtime.EMBEDDED);
        robot.clickOn("#run-button");

        awaitTheChallengeLive();
        exportWritesTheShownRowsOrEverything(offset);
        robot.interact(() -> {
            try {
                Snapshots.save(window.scene(), SCREENSHOTS.resolve("running-challenge.png"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        doubleClickingANodeFiltersTheTraceToIt();
        filtersShowOnlyTheirRows();
        detailsShowDecodedFieldsAndTheRawBytes();

        robot.clickOn("#stop-button");
        await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        for (int port : PortOffsets.designed(topology())) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port + offset).close())
                    .as("port %d after Stop", port + offset).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void runsTheChallengeOnRealMosquitto(FxRobot robot) {
        assertThat(RunController.mosquittoMissing()).as("mosquitto must be installed for this test").isEmpty();
        int offset = openAndChoose(robot, RunOptions.Runtime.MOSQUITTO);
        robot.clickOn("#run-button");

        awaitTheChallengeLive();

        robot.clickOn("#stop-button");
        await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        for (int port : PortOffsets.designed(topology())) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port + offset).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aTakenPortFailsItsBrokerAloneAndTheOthersRun(FxRobot robot) throws IOException {
        int offset = openAndChoose(robot, RunOptions.Runtime.EMBEDDED);
        int taken = 1884 + offset; // Central
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken));
            robot.clickOn("#run-button");

            await().atMost(LIVE).untilAsserted(() -> {
                assertThat(fx(() -> controller().status("central")).map(NodeStatus::state))
                        .contains(NodeStatus.State.FAILED);
                assertThat(fx(() -> window.run().decorations().chipText("central")))
                        .contains("failed").contains(Integer.toString(taken));
                for (String broker : List.of("bridge-broker-1", "bridge-broker-2", "bridge-broker-3")) {
                    assertThat(fx(() -> controller().status(broker)).map(NodeStatus::state))
                            .as(broker).contains(NodeStatus.State.RUNNING);
                }
                assertThat(fx(() -> window.findings().rows()))
                        .anySatisfy(row -> assertThat(row.elementId()).isEqualTo("central"));
                // publisher2's messages cross bridge2_bridge3, which does not need Central
                assertThat(rows()).anySatisfy(row -> {
                    assertThat(row.node()).isEqualTo("BridgeBroker3");
                    assertThat(row.type()).isEqualTo("PUBLISH");
                });
            });
        }
        // editing while running: moving a box changes nothing that runs; deleting a publisher is offered as a restart
        javafx.scene.Node banner = robot.lookup("#run-banner").query();
        robot.interact(() -> window.document().execute(Edit.of("move Central", t -> t.withNode(
                t.node("central").orElseThrow().withPosition(new Position(900, 320))))));
        assertThat(fx(banner::isVisible)).isFalse();
        robot.interact(() -> window.document().execute(Edit.of("delete Publisher2", t -> t.without(Set.of("publisher2")))));
        assertThat(fx(banner::isVisible)).isTrue();
        assertThat(fx(() -> controller().runningTopologyProperty().get().node("publisher2"))).isPresent();
        robot.interact(() -> window.document().undo());
        assertThat(fx(banner::isVisible)).isFalse();

        // closing the window stops the run: every port it opened refuses connections
        robot.interact(stage::close);
        await().atMost(STOP).untilAsserted(() -> {
            for (int port : List.of(1883, 1885, 1886)) {
                assertThatThrownBy(() -> new Socket("127.0.0.1", port + offset).close())
                        .as("port %d after closing the window", port + offset).isInstanceOf(ConnectException.class);
            }
        });
    }

    @Test
    void openingAnotherFileStopsTheRun(FxRobot robot) {
        int offset = openAndChoose(robot, RunOptions.Runtime.EMBEDDED);
        robot.clickOn("#run-button");
        await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.RUNNING);

        robot.interact(() -> assertThat(window.open(TestWindows.sample("case1"))).isTrue());

        await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.IDLE);
        for (int port : List.of(1883, 1884, 1885, 1886)) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port + offset).close())
                    .as("port %d after opening another file", port + offset).isInstanceOf(ConnectException.class);
        }
        assertThat(fx(() -> window.run().decorations().chipText("central"))).isEmpty();
    }

    /** Opens the challenge and chooses the runtime and a port offset whose ports no other test holds. */
    private int openAndChoose(FxRobot fxRobot, RunOptions.Runtime runtime) {
        robot = fxRobot;
        robot.interact(() -> assertThat(window.open(TestWindows.sample("challenge"))).isTrue());
        int offset = FreePorts.offsetFor(PortOffsets.designed(topology())); // leased: no other test takes them
        robot.interact(() -> {
            controller().runtimeProperty().set(runtime);
            controller().autoOffsetProperty().set(false);
            controller().portOffsetProperty().set(offset);
        });
        return offset;
    }

    /** Every client and bridge connected through a tap, QoS 2 completes on Central, both subscribers receive. */
    private void awaitTheChallengeLive() {
        // the brokers first: the first HiveMQ of a JVM takes seconds more to start on a crowded 2-core machine
        await().atMost(STOP).until(() -> fx(() -> controller().phaseProperty().get()) == RunPhase.RUNNING);
        Topology t = topology();
        String host = RunOptions.defaults().hostname();
        List<String> clientIds = Stream.concat(Stream.concat(t.publishers().stream().map(p -> p.client().clientId()),
                t.subscribers().stream().map(s -> s.client().clientId())),
                t.bridges().stream().map((Bridge b) -> b.effectiveRemoteClientId(host))).toList();
        await().atMost(LIVE).untilAsserted(() -> {
            List<TraceRow> rows = rows();
            for (String id : clientIds) {
                assertThat(rows).as("CONNECT of " + id).anyMatch(r -> r.clientId().equals(id) && r.type().equals("CONNECT"));
                assertThat(rows).as("CONNACK of " + id).anyMatch(r -> r.clientId().equals(id) && r.type().equals("CONNACK"));
            }
            assertThat(rows).as("a PUBCOMP on Central (%s)", fx(() -> controller().summaryProperty().get()))
                    .anyMatch(r -> r.node().equals("Central") && r.type().equals("PUBCOMP"));
        });
        long humidity = received("humidity-subscriber");
        long temperature = received("temperature-subscriber");
        await().atMost(LIVE).untilAsserted(() -> {
            assertThat(received("humidity-subscriber")).isGreaterThan(humidity);
            assertThat(received("temperature-subscriber")).isGreaterThan(temperature);
        });
    }

    /** The count the canvas shows on a subscriber's chip ("connected · 12 received"); 0 before one is shown. */
    private long received(String subscriberId) {
        String chip = fx(() -> window.run().decorations().chipText(subscriberId));
        int at = chip.indexOf(" received");
        return at < 0 ? 0 : Long.parseLong(chip.substring(chip.lastIndexOf(' ', at - 1) + 1, at).replace(",", ""));
    }

    private void exportWritesTheShownRowsOrEverything(int offset) throws IOException, InterruptedException {
        PacketTable table = window.run().table();
        robot.interact(() -> table.setPaused(true));
        robot.interact(() -> table.setFilter(TraceFilter.NONE.withTypes(Set.of(PacketType.PUBLISH))));
        Path shown = dir.resolve("shown.jsonl");
        Path all = dir.resolve("all.pcap");
        int shownCount = fx(() -> table.shownRows().size());
        int allCount = fx(() -> (int) table.allRows().stream().filter(r -> !r.isGap()).count());
        assertThat(fxIo(() -> table.export(shown, PacketTable.Scope.SHOWN, TraceExport.JSONL))).isEqualTo(shownCount);
        assertThat(java.nio.file.Files.readAllLines(shown)).hasSize(shownCount)
                .allSatisfy(line -> assertThat(line).contains("\"type\":\"PUBLISH\""));
        int written = fxIo(() -> table.export(all, PacketTable.Scope.ALL, TraceExport.PCAP));
        assertThat(written).as("paused, arrivals are still kept").isGreaterThanOrEqualTo(allCount);
        List<String> command = new ArrayList<>(List.of("tshark", "-r", all.toString()));
        for (int port : PortOffsets.designed(topology())) {
            command.addAll(List.of("-d", "tcp.port==" + (port + offset) + ",mqtt"));
        }
        Process tshark = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> frames = new String(tshark.getInputStream().readAllBytes()).lines()
                .filter(l -> l.contains("MQTT")).toList();
        assertThat(tshark.waitFor()).isZero();
        assertThat(frames).as("tshark (apt-get install tshark) reads every packet").hasSize(written);
        assertThat(fx(() -> robot.lookup("#trace-unseen").queryLabeled().getText())).startsWith("paused: ");
        robot.interact(() -> table.setFilter(TraceFilter.NONE));
        robot.interact(() -> table.setPaused(false));
        assertThat(fx(() -> robot.lookup("#trace-unseen").queryLabeled().getText())).isEmpty();
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private <T> T fxIo(IoWork<T> work) {
        return fx(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void doubleClickingANodeFiltersTheTraceToIt() {
        doubleClick("central");
        assertThat(fx(() -> window.run().table().filter().nodes())).containsExactly("Central");
        assertThat(fx(() -> window.run().table().shownRows())).isNotEmpty()
                .allMatch(r -> r.isGap() || r.node().equals("Central"));
        doubleClick("publisher1");
        assertThat(fx(() -> window.run().table().filter().clients())).containsExactly("publisher1");
        robot.interact(() -> window.run().table().setFilter(TraceFilter.NONE));
    }

    /**
     * A double click on a node's centre, as the toolkit reports it: the robot's two clicks count as one double click
     * only when they come quickly enough, which a crowded machine does not promise.
     */
    private void doubleClick(String nodeId) {
        robot.interact(() -> {
            TopologyCanvas canvas = window.canvas();
            javafx.geometry.Bounds box = canvas.nodeView(nodeId).orElseThrow().box();
            Point2D inCanvas = worldToCanvas(canvas, box.getCenterX(), box.getCenterY());
            Point2D scene = canvas.localToScene(inCanvas); // an event not yet fired carries scene coordinates
            Point2D screen = canvas.localToScreen(inCanvas);
            javafx.event.Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(),
                    scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 2, false, false, false, false,
                    true, false, false, true, false, true, null));
        });
    }

    private static Point2D worldToCanvas(TopologyCanvas canvas, double x, double y) {
        // toWorld inverts pan and zoom; two probes give the linear map back
        Point2D origin = canvas.toWorld(0, 0);
        Point2D unit = canvas.toWorld(1, 1);
        double scaleX = unit.getX() - origin.getX();
        double scaleY = unit.getY() - origin.getY();
        return new Point2D((x - origin.getX()) / scaleX, (y - origin.getY()) / scaleY);
    }

    private void filtersShowOnlyTheirRows() {
        PacketTable table = window.run().table();
        robot.interact(() -> table.setFilter(TraceFilter.NONE.withTypes(Set.of(PacketType.PUBREC))
                .withTopic("srv/humidity")));
        List<TraceRow> filtered = fx(table::shownRows);
        assertThat(filtered).isNotEmpty().allSatisfy(row -> {
            assertThat(row.type()).isEqualTo("PUBREC");
            assertThat(row.topic()).isEqualTo("srv/humidity");
        });
        robot.interact(() -> table.setFilter(TraceFilter.NONE.withTopic("srv/#")));
        assertThat(fx(table::shownRows)).isNotEmpty()
                .anyMatch(r -> r.topic().equals("srv/temperature")).allMatch(r -> r.topic().startsWith("srv/"));
        robot.clickOn("#filter-none");
        // in one FX call: rows keep arriving between two
        assertThat(fx(() -> List.of(table.allRows().size(), table.shownRows().size())))
                .satisfies(sizes -> assertThat(sizes.get(1)).isEqualTo(sizes.get(0)));
    }

    private void detailsShowDecodedFieldsAndTheRawBytes() {
        PacketTable table = window.run().table();
        robot.interact(() -> table.setPaused(true)); // the rows hold still while we select them
        TraceRow subscribe = select(table, r -> r.type().equals("SUBSCRIBE") && r.clientId().equals("subscriber_humidity"));
        assertThat(fx(table::detailsText)).containsPattern("filter +srv/humidity +QoS 2");
        select(table, r -> r.type().equals("CONNACK"));
        assertThat(fx(table::detailsText)).containsPattern("return code +0 \\(Connection Accepted\\)");
        TraceRow publish = select(table, r -> r.type().equals("PUBLISH"));
        assertThat(hexBytes(fx(table::hexText))).isEqualTo(HexFormat.of().formatHex(publish.event().raw()));
        assertThat(subscribe.event().subscriptions()).isNotEmpty();
        robot.interact(() -> table.setPaused(false));
    }

    private TraceRow select(PacketTable table, java.util.function.Predicate<TraceRow> which) {
        AtomicReference<TraceRow> row = new AtomicReference<>();
        robot.interact(() -> {
            row.set(table.shownRows().stream().filter(which).findFirst().orElseThrow());
            table.table().getSelectionModel().select(row.get());
        });
        return row.get();
    }

    /** The hex digits of a dump, without offsets and the ASCII column. */
    private static String hexBytes(String dump) {
        StringBuilder hex = new StringBuilder();
        for (String line : dump.split("\n")) {
            hex.append(line.substring(6, line.indexOf(" |")).replace(" ", ""));
        }
        return hex.toString();
    }

    private List<TraceRow> rows() {
        return fx(() -> window.run().table().allRows());
    }

    private RunController controller() {
        return window.run().controller();
    }

    private Topology topology() {
        return fx(window::topology);
    }

    private <T> T fx(Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }
}

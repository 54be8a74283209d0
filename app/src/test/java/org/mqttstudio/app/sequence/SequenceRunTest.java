package org.mqttstudio.app.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.Snapshots;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.flows.FlowRow;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sequence view on real runs (embedded brokers behind their taps): the flows list fills from the run, and the
 * diagram of a selected message has the lifelines it travelled and an arrow for each real packet of every hop.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<PacketType> QOS2 = List.of(PacketType.PUBLISH, PacketType.PUBREC, PacketType.PUBREL,
            PacketType.PUBCOMP);

    @TempDir
    Path exports;
    private SequenceView view;
    private TopologyRunner runner;

    @Start
    void start(Stage stage) {
        view = new SequenceView((owner, name, extension) -> Optional.of(exports.resolve(name)));
        DiagramScenes.show(stage, view, 1200, 760);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(view::detach);
        if (runner != null) {
            runner.stop();
        }
    }

    private static Topology challenge() throws Exception {
        return new TopologyJson().read(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
    }

    /** Creates the run, attaches the view, then starts it (off the FX thread, blocking until the brokers listen). */
    private void run(FxRobot robot, Topology topology) {
        runner = TopologyRunner.create(topology, RunOptions.defaults().withPortOffset(FreePorts.offsetFor(topology.brokers().stream()
                .flatMap(b -> b.listeners().stream().map(l -> l.port())).toList())));
        robot.interact(() -> view.attach(runner));
        runner.start();
    }

    /** Waits for a listed flow that matches, then selects its row as a user would. */
    private FlowRow select(FxRobot robot, Predicate<FlowRow> wanted) {
        FlowRow row = await().atMost(WAIT).until(() -> {
            List<FlowRow> rows = new ArrayList<>();
            robot.interact(() -> rows.addAll(view.flows().rows()));
            return rows.stream().filter(wanted).findFirst();
        }, Optional::isPresent).orElseThrow();
        robot.interact(() -> {
            view.flows().scrollTo(row);
            view.flows().getSelectionModel().select(row);
        });
        return row;
    }

    private SequenceLayout shown(FxRobot robot) {
        List<SequenceLayout> layout = new ArrayList<>();
        robot.interact(() -> layout.add(view.diagram().layoutShown().orElseThrow()));
        return layout.get(0);
    }

    private static List<Arrow> hop(SequenceLayout layout, int hop) {
        return layout.arrows().stream().filter(a -> a.hop() == hop).toList();
    }

    /** Each arrow is a packet the run's taps recorded: its node, connection, type, packet id and time. */
    private void assertArrowsAreRecordedPackets(SequenceLayout layout, MessageFlow flow) {
        List<PacketEvent> trace = runner.packets().snapshot().stream().map(SequencedPacket::event).toList();
        for (Arrow arrow : layout.arrows()) {
            FlowHop hop = flow.hops().get(arrow.hop());
            assertThat(trace).as("%s on hop %d", arrow.label(), arrow.hop()).anySatisfy(p -> {
                assertThat(p.node()).isEqualTo(hop.node());
                assertThat(p.connectionId()).isEqualTo(hop.connectionId());
                assertThat(p.type()).isEqualTo(arrow.type());
                assertThat(p.packetId()).isEqualTo(arrow.packetId());
                assertThat(p.time()).isEqualTo(flow.start().plus(arrow.sinceStart()));
            });
        }
    }

    @Test
    void aQos2TemperatureMessageOfTheChallengeShowsItsFourHandshakesAndExports(FxRobot robot) throws Exception {
        run(robot, challenge());
        FlowRow row = select(robot, r -> r.topic().equals("srv/temperature") && r.complete() && r.hops() == 4);
        assertThat(row.publisher()).isEqualTo("Publisher2");
        assertThat(row.qos()).isEqualTo(2);
        assertThat(row.reached()).isEqualTo("TemperatureSubscriber");

        SequenceLayout layout = shown(robot);
        assertThat(layout.flowId()).isEqualTo(row.id());
        assertThat(layout.lifelines()).extracting(l -> l.participant().name())
                .containsExactly("Publisher2", "BridgeBroker2", "BridgeBroker3", "Central", "TemperatureSubscriber");
        assertThat(layout.lifelines()).extracting(SequenceLayout.Lifeline::bridges)
                .containsExactly(List.of(), List.of("bridge2_bridge3"), List.of("bridge3_central"), List.of(),
                        List.of());
        assertThat(layout.arrows()).hasSize(16);
        for (int h = 0; h < 4; h++) {
            List<Arrow> arrows = hop(layout, h);
            Integer id = row.flow().hops().get(h).packetId();
            assertThat(id).isNotNull();
            assertThat(arrows).extracting(Arrow::type).as("hop %d", h).containsExactlyElementsOf(QOS2);
            assertThat(arrows).allSatisfy(a -> {
                assertThat(a.packetId()).isEqualTo(id);
                assertThat(a.label()).startsWith(a.type() + " id " + id);
                assertThat(a.style()).isIn(SequenceLayout.Style.PUBLISH, SequenceLayout.Style.ACK);
            });
            // PUBLISH and PUBREL go the way the message travels, PUBREC and PUBCOMP come back
            assertThat(arrows).extracting(Arrow::from).containsExactly(h, h + 1, h, h + 1);
            assertThat(arrows).extracting(Arrow::to).containsExactly(h + 1, h, h + 1, h);
        }
        assertThat(layout.arrows()).extracting(Arrow::sinceStart).isSorted();
        assertThat(layout.arrows().get(0).label()).isEqualTo(
                "PUBLISH id " + row.flow().hops().get(0).packetId() + " · QoS 2 · DUP 0");
        assertArrowsAreRecordedPackets(layout, row.flow());

        robot.clickOn("#export-sequence-svg");
        robot.clickOn("#export-sequence-png");
        Path svg = exports.resolve("message-" + row.id() + ".svg");
        NodeList groups = DiagramScenes.xml(svg).getElementsByTagName("g");
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").startsWith("packet ")) {
                assertThat(group.getElementsByTagName("line").getLength()).isEqualTo(1);
                packets.add(group.getAttribute("data-type"));
            }
        }
        assertThat(packets).hasSize(16).containsOnly("PUBLISH", "PUBREC", "PUBREL", "PUBCOMP");
        assertThat(Files.readString(svg)).contains(">Publisher2<", ">TemperatureSubscriber<",
                "client of bridge2_bridge3");
        assertThat(exports.resolve("message-" + row.id() + ".png")).isNotEmptyFile();
        robot.interact(() -> {
            try {
                view.diagram().exportPng(DiagramScenes.SCREENSHOTS.resolve("sequence-qos2-challenge.png"));
                view.diagram().exportSvg(DiagramScenes.SCREENSHOTS.resolve("sequence-qos2-challenge.svg"));
                Snapshots.save(view.getScene(), DiagramScenes.SCREENSHOTS.resolve("sequence-view-challenge.png"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        // a packet of the trace (the PUBCOMP into Central) opens its message
        robot.interact(() -> view.flows().getSelectionModel().clearSelection());
        FlowHop central = row.flow().hops().get(2);
        PacketEvent pubcomp = runner.packets().snapshot().stream().map(SequencedPacket::event)
                .filter(p -> p.node().equals(central.node()) && p.connectionId() == central.connectionId()
                        && p.type() == PacketType.PUBCOMP && central.packetId().equals(p.packetId())
                        && !p.time().isBefore(central.published()))
                .findFirst().orElseThrow();
        CompletableFuture<Boolean> found = new CompletableFuture<>();
        robot.interact(() -> view.showFlowOf(pubcomp).whenComplete((ok, e) -> found.complete(ok)));
        assertThat(found.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shown(robot).flowId()).isEqualTo(row.id());
    }

    /** The challenge at QoS 1 for humidity (to two subscribers at Central) and QoS 0 for temperature. */
    private static Topology qos1And0(Topology challenge) {
        Topology edited = challenge;
        for (Bridge bridge : challenge.bridges()) {
            edited = edited.withBridge(bridge.withRules(
                    List.of(new BridgeRule("srv/#", Direction.OUT, 1, null, null))));
        }
        Publisher humidity = challenge.publishers().get(0);
        Publisher temperature = challenge.publishers().get(1);
        edited = edited.withNode(new Publisher(humidity.id(), humidity.name(), humidity.broker(), humidity.client(),
                humidity.topic(), "Humidity {seq}", 300, 0, 1, false, humidity.position()));
        edited = edited.withNode(new Publisher(temperature.id(), temperature.name(), temperature.broker(),
                temperature.client(), temperature.topic(), "Temperature {seq}", 300, 0, 0, false,
                temperature.position()));
        for (Subscriber subscriber : challenge.subscribers()) {
            Subscription only = subscriber.subscriptions().get(0);
            edited = edited.withNode(new Subscriber(subscriber.id(), subscriber.name(), subscriber.broker(),
                    subscriber.client(), List.of(new Subscription(only.filter(), only.filter().contains("humidity")
                    ? 1 : 0)), subscriber.position()));
        }
        return edited.withNode(new Subscriber("humidity-display", "HumidityDisplay", "central",
                ClientSettings.of("humidity_display"), List.of(new Subscription("srv/humidity", 1)),
                new Position(1080, 40)));
    }

    @Test
    void qos1HopsArePublishAndPubackAndQos0HopsAPublishEachFannedOutAsTheyWent(FxRobot robot) throws Exception {
        run(robot, qos1And0(challenge()));

        FlowRow humidity = select(robot, r -> r.topic().equals("srv/humidity") && r.complete() && r.hops() == 4);
        assertThat(humidity.qos()).isEqualTo(1);
        assertThat(humidity.reached().split(", ")).containsExactlyInAnyOrder("HumiditySubscriber", "HumidityDisplay");
        SequenceLayout layout = shown(robot);
        List<String> names = layout.lifelines().stream().map(l -> l.participant().name()).toList();
        assertThat(names.subList(0, 3)).containsExactly("Publisher1", "BridgeBroker1", "Central");
        assertThat(names.subList(3, 5)).containsExactlyInAnyOrder("HumiditySubscriber", "HumidityDisplay");
        for (int h = 0; h < 4; h++) {
            List<Arrow> arrows = hop(layout, h);
            assertThat(arrows).extracting(Arrow::type).as("hop %d", h)
                    .containsExactly(PacketType.PUBLISH, PacketType.PUBACK);
            assertThat(arrows).extracting(Arrow::packetId).containsOnly(humidity.flow().hops().get(h).packetId())
                    .doesNotContainNull();
            assertThat(arrows.get(0).label()).contains("QoS 1");
            assertThat(arrows.get(0).to()).isEqualTo(arrows.get(1).from());
        }
        // fan-out: both deliveries leave Central
        assertThat(hop(layout, 2).get(0).from()).isEqualTo(2);
        assertThat(hop(layout, 3).get(0).from()).isEqualTo(2);
        assertArrowsAreRecordedPackets(layout, humidity.flow());

        FlowRow temperature = select(robot, r -> r.topic().equals("srv/temperature") && r.hops() == 4);
        assertThat(temperature.qos()).isZero();
        assertThat(temperature.complete()).isTrue();
        SequenceLayout qos0 = shown(robot);
        assertThat(qos0.lifelines()).extracting(l -> l.participant().name())
                .containsExactly("Publisher2", "BridgeBroker2", "BridgeBroker3", "Central", "TemperatureSubscriber");
        assertThat(qos0.arrows()).hasSize(4).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo(PacketType.PUBLISH);
            assertThat(a.packetId()).isNull();
            assertThat(a.label()).isEqualTo("PUBLISH (no id) · QoS 0 · DUP 0");
            assertThat(a.to()).isEqualTo(a.from() + 1);
        });
        robot.interact(() -> {
            try {
                view.diagram().exportPng(DiagramScenes.SCREENSHOTS.resolve("sequence-qos0-challenge.png"));
                view.flows().getSelectionModel().select(view.flows().row(humidity.id()).orElseThrow());
                view.diagram().exportPng(DiagramScenes.SCREENSHOTS.resolve("sequence-qos1-fan-out.png"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aMessagePublishedWhileItsBridgeIsCutShowsItsLateHop(FxRobot robot) throws Exception {
        Topology challenge = challenge();
        Publisher humidity = challenge.publishers().get(0);
        run(robot, challenge.withNode(new Publisher(humidity.id(), humidity.name(), humidity.broker(),
                humidity.client(), humidity.topic(), "Humidity {seq}", 200, 0, 2, false, humidity.position())));
        select(robot, r -> r.topic().equals("srv/humidity") && r.complete() && r.hops() == 3);

        Instant cut = Instant.now();
        runner.cutLink("bridge1_central");
        // the length of the cut is the test's subject: 5 s of QoS 2 messages held at BridgeBroker1. That races the
        // bridge's first retry (mosquitto's default restart_timeout, 5 s); a lost race waits 10 s more, so the late
        // hop comes 5 to 15 s after its first one, inside the correlator's window (FlowCorrelator.DEFAULT_WINDOW).
        Thread.sleep(5_000);
        Instant restored = Instant.now();
        runner.restoreLink("bridge1_central");

        FlowRow late = select(robot, r -> r.topic().equals("srv/humidity") && r.complete() && r.hops() == 3
                && r.flow().start().isAfter(cut.plusSeconds(1)) && r.flow().start().isBefore(restored.minusSeconds(2)));
        SequenceLayout layout = shown(robot);
        assertThat(layout.lifelines()).extracting(l -> l.participant().name())
                .containsExactly("Publisher1", "BridgeBroker1", "Central", "HumiditySubscriber");
        Arrow lateHop = hop(layout, 1).get(0);
        assertThat(lateHop.type()).isEqualTo(PacketType.PUBLISH);
        assertThat(late.flow().start().plus(lateHop.sinceStart())).isAfter(restored);
        assertThat(lateHop.time()).endsWith(" s");
        assertThat(layout.gaps()).anySatisfy(gap -> {
            assertThat(gap.label()).endsWith(" s later");
            assertThat(gap.y()).isLessThan(lateHop.y());
        });
        assertThat(hop(layout, 1)).extracting(Arrow::type).containsExactlyElementsOf(QOS2);
        assertThat(hop(layout, 0)).extracting(Arrow::sinceStart).allSatisfy(
                since -> assertThat(since).isLessThan(Duration.between(late.flow().start(), restored)));
        assertArrowsAreRecordedPackets(layout, late.flow());
        robot.interact(() -> {
            try {
                view.diagram().exportPng(DiagramScenes.SCREENSHOTS.resolve("sequence-late-hop-after-cut.png"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // QoS 2 end to end: what was held during the cut arrives once
        await().atMost(WAIT).until(() -> runner.deliveries().stream()
                .anyMatch(d -> d.payloadText().equals(late.flow().payloadText())));
        assertThat(runner.deliveries().stream().filter(d -> d.subscriberId().equals("humidity-subscriber"))
                .map(d -> d.payloadText()).toList()).doesNotHaveDuplicates();
    }
}

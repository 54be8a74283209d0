package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer driven by mouse and keyboard, as a user would, in the whole window with the real checker. */
@ExtendWith(ApplicationExtension.class)
class DesignerTest {
    private static final PseudoClass ON_ROUTE = PseudoClass.getPseudoClass("on-route");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private StudioWindow window;
    private TopologyCanvas canvas;
    private Document document;

    @Start
    void start(Stage stage) {
        window = new StudioWindow(stage, StudioFolders.locate(), FindingSource.CHECKER, message -> { });
        canvas = window.canvas();
        document = window.document();
        stage.show();
    }

    @Test
    void draggingABrokerFromThePaletteCreatesItWhereItIsDropped(FxRobot robot) {
        robot.interact(canvas::zoomIn);
        Point2D drop = new Point2D(400, 300);
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(drop));

        Broker broker = document.topology().brokers().stream().collect(onlyOne());
        assertThat(broker.id()).isEqualTo("broker1");
        assertThat(broker.listeners()).containsExactly(Listener.mqtt(1883));
        assertThat(broker.allowAnonymous()).isTrue();
        Point2D world = canvas.toWorld(drop.getX(), drop.getY());
        NodeView<?> view = canvas.nodeView("broker1").orElseThrow();
        // The drop point is inside the new box, near its centre (up to half a grid step of snapping).
        assertThat(view.box().contains(world)).isTrue();
        assertThat(broker.position().x() % 20).isZero();
        assertThat(broker.position().y() % 20).isZero();
        assertThat(document.selection()).containsExactly("broker1");

        robot.drag("#palette-broker").dropTo(canvas.localToScreen(700, 300));
        assertThat(document.topology().broker("broker2").orElseThrow().listeners())
                .containsExactly(Listener.mqtt(1884));
    }

    @Test
    void aClientDroppedOnABrokerAttachesToItAndWithoutBrokersIsRefused(FxRobot robot) {
        robot.drag("#palette-publisher").dropTo(canvas.localToScreen(300, 300));
        assertThat(document.topology().publishers()).isEmpty();
        assertThat(window.editor().messageProperty().get()).contains("Add a broker first");

        robot.drag("#palette-broker").dropTo(canvas.localToScreen(300, 200));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(700, 200));
        robot.drag("#palette-subscriber").dropTo(centreOf("broker2"));
        robot.drag("#palette-publisher").dropTo(canvas.localToScreen(280, 420));

        assertThat(document.topology().subscribers()).singleElement().satisfies(s -> {
            assertThat(s.broker()).isEqualTo("broker2");
            assertThat(s.client().clientId()).isEqualTo("subscriber1");
        });
        assertThat(document.topology().publishers()).singleElement().satisfies(p -> {
            assertThat(p.broker()).as("nearest broker").isEqualTo("broker1");
            assertThat(p.client().clientId()).isEqualTo("publisher1");
            assertThat(p.topic()).isEqualTo("srv/topic");
            assertThat(p.qos()).isZero();
        });

        connect(robot, "publisher1", "broker2");
        assertThat(document.topology().publishers()).singleElement()
                .satisfies(p -> assertThat(p.broker()).isEqualTo("broker2"));
    }

    @Test
    void draggingFromABrokersHandleToAnotherBrokerMakesABridge(FxRobot robot) {
        twoBrokers(robot);

        connect(robot, "broker1", "broker2");

        Bridge bridge = document.topology().bridges().stream().collect(onlyOne());
        assertThat(bridge).isEqualTo(Bridge.simple("bridge_broker1_broker2", "bridge_broker1_broker2", "broker1",
                "broker2", List.of(BridgeRule.out("#", 0))));
        assertThat(document.selection()).containsExactly("bridge_broker1_broker2");
        assertThat(robot.lookup("#bridge_broker1_broker2").query().getPseudoClassStates()).contains(SELECTED);
    }

    @Test
    void undoAndRedoRestoreTheExactModelOfEveryGesture(FxRobot robot) {
        List<Topology> states = new ArrayList<>();
        states.add(document.topology());
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(250, 200));
        states.add(document.topology());
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(650, 200));
        states.add(document.topology());
        robot.drag("#palette-publisher").dropTo(canvas.localToScreen(250, 450));
        states.add(document.topology());
        // A drag over several steps is one move.
        robot.drag(centreOf("broker2")).moveBy(30, 20).moveBy(40, 60).release(MouseButton.PRIMARY);
        states.add(document.topology());
        assertThat(document.topology().broker("broker2").orElseThrow().position())
                .isNotEqualTo(states.get(3).broker("broker2").orElseThrow().position());
        connect(robot, "broker1", "broker2");
        states.add(document.topology());
        robot.clickOn(centreOf("broker1"));
        robot.type(KeyCode.DELETE);
        states.add(document.topology());
        assertThat(document.topology().brokers()).extracting(Broker::id).containsExactly("broker2");
        assertThat(document.topology().bridges()).as("cascade").isEmpty();
        assertThat(document.topology().publishers()).as("cascade").isEmpty();
        assertThat(states).doesNotHaveDuplicates();

        for (int i = states.size() - 2; i >= 0; i--) {
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            assertThat(document.topology()).isEqualTo(states.get(i));
        }
        assertThat(document.canUndoProperty().get()).isFalse();
        for (int i = 1; i < states.size(); i++) {
            if (i % 2 == 0) {
                robot.push(KeyCode.CONTROL, KeyCode.Y);
            } else {
                robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            }
            assertThat(document.topology()).isEqualTo(states.get(i));
        }
        assertThat(robot.lookup(".broker-view").queryAll()).hasSize(1);
    }

    @Test
    void copyAndPasteMakeAnIndependentCopyWithItsBridges(FxRobot robot) {
        twoBrokers(robot);
        robot.drag("#palette-publisher").dropTo(centreOf("broker1"));
        connect(robot, "broker1", "broker2");
        robot.clickOn(centreOf("broker1")).press(KeyCode.SHIFT).clickOn(centreOf("broker2"))
                .clickOn(centreOf("publisher1")).release(KeyCode.SHIFT);
        assertThat(document.selection()).containsExactlyInAnyOrder("broker1", "broker2", "publisher1");

        robot.push(KeyCode.CONTROL, KeyCode.C).push(KeyCode.CONTROL, KeyCode.V);

        Topology t = document.topology();
        assertThat(t.brokers()).extracting(Broker::id).containsExactly("broker1", "broker2", "broker3", "broker4");
        assertThat(t.brokers()).extracting(b -> b.listeners().get(0).port()).doesNotHaveDuplicates();
        assertThat(t.broker("broker3").orElseThrow().position()).isEqualTo(new Position(
                t.broker("broker1").orElseThrow().position().x() + 40,
                t.broker("broker1").orElseThrow().position().y() + 40));
        assertThat(t.bridges()).extracting(Bridge::from, Bridge::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broker1", "broker2"),
                        org.assertj.core.groups.Tuple.tuple("broker3", "broker4"));
        assertThat(t.publishers()).hasSize(2).last().satisfies(p -> {
            assertThat(p.broker()).isEqualTo("broker3");
            assertThat(p.client().clientId()).isEqualTo("publisher2");
        });
        assertThat(document.selection()).containsExactlyInAnyOrder("broker3", "broker4", "publisher2",
                t.bridges().get(1).id());
    }

    @Test
    void aRubberBandSelectsTheNodesItTouches(FxRobot robot) {
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(200, 150));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(450, 150));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(450, 420));

        Bounds b1 = canvas.nodeView("broker1").orElseThrow().localToScreen(
                canvas.nodeView("broker1").orElseThrow().getLayoutBounds());
        Bounds b2 = canvas.nodeView("broker2").orElseThrow().localToScreen(
                canvas.nodeView("broker2").orElseThrow().getLayoutBounds());
        robot.drag(b1.getMinX() - 20, b1.getMinY() - 20, MouseButton.PRIMARY)
                .moveTo(new Point2D(b2.getCenterX(), b2.getMaxY() + 10))
                .release(MouseButton.PRIMARY);

        assertThat(document.selection()).containsExactlyInAnyOrder("broker1", "broker2");
        assertThat(robot.lookup("#broker3").query().getPseudoClassStates()).doesNotContain(SELECTED);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        assertThat(document.selection()).containsExactlyInAnyOrder("broker1", "broker2", "broker3");
    }

    @Test
    void aLoopBuiltOnTheCanvasGetsErrorBadges(FxRobot robot) throws TimeoutException {
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(200, 150));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(600, 150));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(400, 450));
        connect(robot, "broker1", "broker2");
        connect(robot, "broker2", "broker3");
        connect(robot, "broker3", "broker1");

        // Badges and loop badges are applied in one FX pulse; wait for the whole cycle, not its first element.
        waitFor(() -> List.of("broker1", "broker2", "broker3").stream()
                .allMatch(id -> canvas.nodeView(id).orElseThrow().badge().level() == FindingRow.Level.ERROR)
                && document.topology().bridges().stream().allMatch(
                        b -> canvas.bridgeView(b.id()).orElseThrow().badge().level() == FindingRow.Level.ERROR));
        for (String id : List.of("broker1", "broker2", "broker3")) {
            assertThat(canvas.nodeView(id).orElseThrow().badge().level()).isEqualTo(FindingRow.Level.ERROR);
        }
        for (Bridge bridge : document.topology().bridges()) {
            assertThat(canvas.bridgeView(bridge.id()).orElseThrow().badge().level()).isEqualTo(FindingRow.Level.ERROR);
        }
        assertThat(canvas.nodeView("broker1").orElseThrow().badge().messages()).containsIgnoringCase("loop");
        assertThat(canvas.nodeView("broker1").orElseThrow().badge().isVisible()).isTrue();
        snapshot(robot, "designer-loop.png");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(() -> canvas.nodeView("broker1").orElseThrow().badge().level() != FindingRow.Level.ERROR);
    }

    @Test
    void selectingPublisher2InTheChallengeHighlightsItsRoutes(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.open(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json")));
        robot.interact(canvas::fit);

        robot.clickOn(centreOf("publisher2"));
        waitFor(() -> canvas.onRoute().contains("bridge3_central"));

        assertThat(canvas.onRoute()).contains("bridge2_bridge3", "bridge3_central", "temperature-subscriber")
                .doesNotContain("bridge1_central");
        assertThat(robot.lookup("#bridge2_bridge3").query().getPseudoClassStates()).contains(ON_ROUTE);
        assertThat(robot.lookup("#bridge1_central").query().getPseudoClassStates()).doesNotContain(ON_ROUTE);
        assertThat(canvas.routeInfoProperty().get()).contains("Publisher2").contains("QoS 2");
        assertThat(robot.lookup("#route-tag-central").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("srv/temperature · QoS 2");

        snapshot(robot, "designer.png");
    }

    private void assertDrawn(Path png) {
        try {
            Screenshots.assertDrawn(png, window.canvas());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void snapshot(FxRobot robot, String name) {
        Path png = Path.of("target", "screenshots", name);
        robot.interact(() -> {
            try {
                Snapshots.save(window.scene(), png);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertDrawn(png);
    }

    private void twoBrokers(FxRobot robot) {
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(250, 200));
        robot.drag("#palette-broker").dropTo(canvas.localToScreen(650, 200));
    }

    private void connect(FxRobot robot, String from, String to) {
        Circle handle = canvas.nodeView(from).orElseThrow().handle().orElseThrow();
        robot.drag(handle.localToScreen(handle.getCenterX(), handle.getCenterY()), MouseButton.PRIMARY)
                .dropTo(centreOf(to));
    }

    private Point2D centreOf(String id) {
        NodeView<?> view = canvas.nodeView(id).orElseThrow();
        Bounds b = view.localToScreen(view.getLayoutBounds());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}

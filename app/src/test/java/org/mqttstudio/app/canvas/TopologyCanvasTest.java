package org.mqttstudio.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TopologyCanvasTest {
    private TopologyCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new TopologyCanvas();
        Scene scene = new Scene(canvas, 1000, 600);
        // Drawn as in the window: label sizes, and so where labels go, come from the style sheet.
        scene.getStylesheets().add(StudioFolders.locate().asset("studio.css").orElseThrow().toUri().toString());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void keepsViewsByIdUpdatesThemAndDropsTheGoneOnes(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        robot.interact(() -> canvas.show(challenge));
        NodeView<?> central = canvas.nodeView("central").orElseThrow();
        BridgeView bridge = canvas.bridgeView("bridge1_central").orElseThrow();
        ClientLinkView link = canvas.clientLinkView("humidity-subscriber").orElseThrow();

        Topology edited = Topology.of(challenge.name(),
                challenge.brokers().stream()
                        .map(b -> b.id().equals("central") ? b.withPosition(new Position(900, 260)) : b).toList(),
                challenge.externalBrokers(),
                challenge.bridges().stream().filter(b -> !b.id().equals("bridge2_bridge3"))
                        .map(b -> b.id().equals("bridge1_central")
                                ? b.withRules(List.of(new BridgeRule("srv/#", Direction.BOTH, 1, null, null))) : b)
                        .toList(),
                challenge.publishers().stream().filter(p -> !p.id().equals("publisher2")).toList(),
                challenge.subscribers());
        robot.interact(() -> canvas.show(edited));

        assertThat(canvas.nodeView("central")).containsSame(central);
        assertThat(central.getLayoutX()).isEqualTo(900.0);
        assertThat(central.model()).isSameAs(edited.broker("central").orElseThrow());
        assertThat(canvas.bridgeView("bridge1_central")).containsSame(bridge);
        assertThat(bridge.labelLines()).containsExactly("bridge1_central", "srv/# both 1");
        assertThat(canvas.clientLinkView("humidity-subscriber")).containsSame(link);
        assertThat(canvas.nodeView("publisher2")).isEmpty();
        assertThat(canvas.clientLinkView("publisher2")).isEmpty();
        assertThat(canvas.bridgeView("bridge2_bridge3")).isEmpty();
        assertThat(robot.lookup("#publisher2").tryQuery()).isEmpty();
        assertThat(robot.lookup("#bridge2_bridge3").tryQuery()).isEmpty();
        assertThat(robot.lookup(".publisher-view").queryAll()).hasSize(1);
        assertThat(robot.lookup(".bridge-view").queryAll()).hasSize(2);
    }

    @Test
    void drawsArrowheadsWhereMessagesGoAndSeparatesOpposedBridges(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        Bridge back = Bridge.simple("central_back", "central_back", "central", "bridge-broker-1",
                List.of(new BridgeRule("cmd/#", Direction.IN, 1, null, null)));
        List<Bridge> bridges = new java.util.ArrayList<>(challenge.bridges());
        bridges.add(back);
        Topology withBack = Topology.of("", challenge.brokers(), List.of(), bridges, List.of(), List.of());

        robot.interact(() -> canvas.show(withBack));

        BridgeView out = canvas.bridgeView("bridge1_central").orElseThrow();
        BridgeView in = canvas.bridgeView("central_back").orElseThrow();
        assertThat(visibleArrows(out)).isEqualTo(1);
        assertThat(visibleArrows(in)).isEqualTo(1);
        // Opposed bridges between the same two brokers are drawn apart, labels included.
        assertThat(robot.lookup("#bridge1_central .bridge-label").query().getBoundsInParent()
                .intersects(robot.lookup("#central_back .bridge-label").query().getBoundsInParent())).isFalse();
    }

    @Test
    void twoBridgesOneEachWayBetweenNearBrokersBowApartWithTheirOwnLabels(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        // BridgeBroker2 and BridgeBroker3 sit side by side, too close for a label on a straight line.
        Bridge back = Bridge.simple("bridge3_bridge2", "bridge3_bridge2", "bridge-broker-3", "bridge-broker-2",
                List.of(BridgeRule.out("cmd/#", 1)));
        Topology both = challenge.withBridge(back);
        robot.interact(() -> canvas.show(both));

        BridgeView there = canvas.bridgeView("bridge2_bridge3").orElseThrow();
        BridgeView home = canvas.bridgeView("bridge3_bridge2").orElseThrow();
        Bounds from = canvas.nodeView("bridge-broker-2").orElseThrow().box();
        Bounds to = canvas.nodeView("bridge-broker-3").orElseThrow().box();
        double centreLine = (from.getCenterY() + to.getCenterY()) / 2;
        // The brokers are level: one path bows above the line between their centres, the other below.
        assertThat(there.pathPoint(0.5).getY() - centreLine).isLessThan(-20);
        assertThat(home.pathPoint(0.5).getY() - centreLine).isGreaterThan(20);
        assertThat(there.pathPoint(0).distance(home.pathPoint(1))).isGreaterThan(10);
        Bounds thereLabel = label(robot, "bridge2_bridge3");
        Bounds homeLabel = label(robot, "bridge3_bridge2");
        assertThat(thereLabel.intersects(homeLabel)).isFalse();
        for (NodeView<?> node : canvas.nodeViews()) {
            assertThat(thereLabel.intersects(node.box())).as("label over %s", node.getId()).isFalse();
            assertThat(homeLabel.intersects(node.box())).as("label over %s", node.getId()).isFalse();
        }
    }

    @Test
    void aBridgeLabelKeepsOffTheLabelsOfOtherBridges(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        // Seen in the window: this bridge's label landed on bridge3_central's.
        Topology more = challenge.withBridge(Bridge.simple("bridge_central_bridge-broker-1",
                "bridge_central_bridge-broker-1", "central", "bridge-broker-1", List.of(BridgeRule.out("#", 0))));
        robot.interact(() -> canvas.show(more));

        List<String> ids = more.bridges().stream().map(Bridge::id).toList();
        for (String a : ids) {
            for (String b : ids) {
                if (a.compareTo(b) < 0) {
                    assertThat(label(robot, a).intersects(label(robot, b))).as("labels of %s and %s", a, b).isFalse();
                }
            }
        }
    }

    private static Bounds label(FxRobot robot, String bridgeId) {
        javafx.scene.Node label = robot.lookup("#" + bridgeId + " .bridge-label").query();
        return label.getParent().localToParent(label.getBoundsInParent());
    }

    @Test
    void fitBringsTheWholeDiagramIntoView(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        robot.interact(() -> {
            canvas.show(challenge);
            canvas.fit();
        });

        assertThat(canvas.zoom()).isLessThan(1.0);
        for (NodeView<?> view : robot.lookup(".node-view").queryAllAs(NodeView.class)) {
            assertThat(canvas.getLayoutBounds().contains(canvas.sceneToLocal(view.localToScene(view.getLayoutBounds()))))
                    .as(view.getId()).isTrue();
        }
        double before = canvas.zoom();
        robot.interact(canvas::zoomIn);
        assertThat(canvas.zoom()).isGreaterThan(before);
    }

    @Test
    void highlightsOneElementAndKeepsItAcrossUpdates(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        robot.interact(() -> {
            canvas.show(challenge);
            canvas.highlight("bridge3_central");
        });
        assertThat(highlighted(robot)).containsExactly("bridge3_central");

        robot.interact(() -> {
            canvas.highlight("central");
            canvas.show(challenge);
        });
        assertThat(highlighted(robot)).containsExactly("central");

        robot.interact(() -> canvas.highlight(null));
        assertThat(highlighted(robot)).isEmpty();
    }

    private static List<String> highlighted(FxRobot robot) {
        return robot.lookup(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("highlighted")))
                .queryAll().stream().map(javafx.scene.Node::getId).toList();
    }

    @Test
    void middleDragPansAndTheWheelZooms(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        robot.interact(() -> canvas.show(challenge));
        NodeView<?> central = canvas.nodeView("central").orElseThrow();
        Bounds before = central.localToScene(central.getLayoutBounds());

        robot.drag(canvas.localToScreen(20, 580), MouseButton.MIDDLE).moveBy(60, -40).release(MouseButton.MIDDLE);

        Bounds after = central.localToScene(central.getLayoutBounds());
        assertThat(after.getMinX() - before.getMinX()).isCloseTo(60, within(1.0));
        assertThat(after.getMinY() - before.getMinY()).isCloseTo(-40, within(1.0));
        assertThat(central.getLayoutX()).as("panning moves the view, not the model").isEqualTo(820.0);

        robot.moveTo(canvas.localToScreen(20, 580)).scroll(3, VerticalDirection.UP);
        assertThat(canvas.zoom()).isNotEqualTo(1.0);
    }

    @Test
    void tracingASubscriberThatNothingReachesSaysWhy(FxRobot robot) throws Exception {
        Topology challenge = new TopologyJson().read(sample("challenge"));
        Topology deaf = challenge.withNode(new Subscriber("deaf", "Deaf", "central", ClientSettings.of("deaf"),
                List.of(new Subscription("nothing/here", 0)), new Position(900, 500)));
        robot.interact(() -> {
            canvas.show(deaf);
            canvas.showCheck(List.of(), new Router().routes(deaf));
            canvas.traceRoutes("deaf");
        });
        assertThat(canvas.routeInfoProperty().get()).startsWith("Deaf: nothing reaches it").contains("nothing/here");
        assertThat(canvas.onRoute()).isEmpty();

        robot.interact(() -> canvas.traceRoutes("humidity-subscriber"));
        assertThat(canvas.onRoute()).contains("publisher1", "bridge-broker-1", "bridge1_central", "central")
                .doesNotContain("publisher2", "bridge3_central");
        assertThat(canvas.routeInfoProperty().get()).contains("Publisher1").contains("QoS 2");

        robot.interact(() -> canvas.traceRoutes(null));
        assertThat(canvas.routeInfoProperty().get()).isEmpty();
    }

    private static long visibleArrows(BridgeView bridge) {
        return bridge.getChildren().stream().filter(n -> n instanceof Arrowhead && n.isVisible()).count();
    }

    private static Path sample(String name) {
        return StudioFolders.locate().samples().orElseThrow().resolve(name + ".json");
    }
}

package org.mqttstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.routing.RouteTableText;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The course challenge built from an empty canvas with mouse and keyboard only: palette drags,
 * handle drags, typing in the property sheet, Ctrl+S. The saved file routes exactly as the
 * shipped sample does.
 */
@ExtendWith(ApplicationExtension.class)
class ChallengeByHandTest {
    @TempDir
    Path dir;
    private final FakeChoosers choosers = new FakeChoosers();
    private final List<String> errors = new ArrayList<>();
    private StudioWindow window;
    private TopologyCanvas canvas;
    private Document document;

    @Start
    void start(Stage stage) {
        window = TestWindows.create(stage, dir.resolve("config"), choosers, errors, new ArrayList<>());
        canvas = window.canvas();
        document = window.document();
        stage.show();
    }

    @Test
    void buildTheChallengeByHandSaveItAndItRoutesLikeTheSample(FxRobot robot) throws Exception {
        robot.clickOn(canvas, MouseButton.PRIMARY); // focus the window; keyboard shortcuts go to it
        robot.push(KeyCode.CONTROL, KeyCode.MINUS); // zoom out once: everything fits beside the sheet

        // In this order the default ports are the course's: 1883, 1884, 1885, 1886.
        String bb1 = broker(robot, 230, 80, "BridgeBroker1");
        String central = broker(robot, 420, 80, "Central");
        String bb2 = broker(robot, 230, 300, "BridgeBroker2");
        String bb3 = broker(robot, 420, 300, "BridgeBroker3");
        assertThat(document.topology().brokers()).extracting(b -> b.listeners().get(0))
                .containsExactly(Listener.mqtt(1883), Listener.mqtt(1884), Listener.mqtt(1885), Listener.mqtt(1886));

        bridge(robot, bb1, central, "bridge1_central");
        bridge(robot, bb2, bb3, "bridge2_bridge3");
        bridge(robot, bb3, central, "bridge3_central");

        client(robot, "#palette-publisher", 70, 80, bb1);
        publisherFields(robot, "Publisher1", "publisher1", "srv/humidity", "Humidity: 10%");
        client(robot, "#palette-publisher", 70, 300, bb2);
        publisherFields(robot, "Publisher2", "publisher2", "srv/temperature", "Temperature: 24C");
        client(robot, "#palette-subscriber", 610, 50, central);
        subscriberFields(robot, "HumiditySubscriber", "subscriber_humidity", "srv/humidity");
        client(robot, "#palette-subscriber", 610, 150, central);
        subscriberFields(robot, "TemperatureSubscriber", "subscriber_temperature", "srv/temperature");

        Path saved = dir.resolve("challenge-by-hand.json");
        choosers.save = saved;
        robot.push(KeyCode.CONTROL, KeyCode.S);

        assertThat(saved).exists();
        assertThat(document.dirtyProperty().get()).isFalse();
        Topology mine = new TopologyJson().read(saved);
        Topology sample = new TopologyJson().read(TestWindows.sample("challenge"));
        assertThat(mine.brokers()).hasSize(4);
        assertThat(mine.bridges()).hasSize(3);
        assertThat(mine.publishers()).hasSize(2);
        assertThat(mine.subscribers()).hasSize(2);
        String expected = RouteTableText.format(sample, new Router().routes(sample));
        assertThat(RouteTableText.format(mine, new Router().routes(mine))).isEqualTo(expected);
        assertThat(expected).startsWith("Routes (2)");
        assertThat(errors).isEmpty();
    }

    /** Drags a broker from the palette and names it in the sheet; returns its id. */
    private String broker(FxRobot robot, double x, double y, String name) {
        String id = dropNew(robot, "#palette-broker", x, y);
        type(robot, "#prop-name", name);
        assertThat(document.topology().broker(id).orElseThrow().name()).isEqualTo(name);
        return id;
    }

    /** Drags from {@code from}'s handle to {@code to}; names the bridge and sets its rule to srv/# out 2. */
    private void bridge(FxRobot robot, String from, String to, String name) {
        Set<String> before = ids();
        Circle handle = canvas.nodeView(from).orElseThrow().handle().orElseThrow();
        robot.drag(handle.localToScreen(handle.getCenterX(), handle.getCenterY()), MouseButton.PRIMARY)
                .dropTo(centreOf(to));
        String id = created(before);
        assertThat(document.selection()).containsExactly(id);
        type(robot, "#prop-name", name);
        type(robot, "#prop-rules-0-pattern", "srv/#");
        choose(robot, "#prop-rules-0-qos", "2");
        var bridge = document.topology().bridge(id).orElseThrow();
        assertThat(bridge.name()).isEqualTo(name);
        assertThat(bridge.rules()).singleElement().satisfies(r -> {
            assertThat(r.pattern()).isEqualTo("srv/#");
            assertThat(r.qos()).isEqualTo(2);
        });
    }

    private void client(FxRobot robot, String paletteItem, double x, double y, String brokerId) {
        String id = dropNew(robot, paletteItem, x, y);
        assertThat(document.topology().node(id).orElseThrow()).satisfies(node -> assertThat(
                node instanceof org.mqttstudio.topology.Publisher p ? p.broker()
                        : ((org.mqttstudio.topology.Subscriber) node).broker()).isEqualTo(brokerId));
    }

    private void publisherFields(FxRobot robot, String name, String clientId, String topic, String payload) {
        type(robot, "#prop-name", name);
        type(robot, "#prop-clientid", clientId);
        type(robot, "#prop-topic", topic);
        type(robot, "#prop-payload", payload);
        choose(robot, "#prop-qos", "2");
    }

    private void subscriberFields(FxRobot robot, String name, String clientId, String filter) {
        type(robot, "#prop-name", name);
        type(robot, "#prop-clientid", clientId);
        type(robot, "#prop-filters-0-filter", filter);
        choose(robot, "#prop-filters-0-qos", "2");
    }

    private String dropNew(FxRobot robot, String paletteItem, double x, double y) {
        Set<String> before = ids();
        robot.drag(paletteItem).dropTo(canvas.localToScreen(x, y));
        String id = created(before);
        if (!document.selection().equals(Set.of(id))) {
            robot.clickOn(centreOf(id));
        }
        assertThat(window.properties().elementId()).isEqualTo(id);
        return id;
    }

    /** Replaces a sheet field's text by typing, and commits it with Enter. */
    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private static void choose(FxRobot robot, String combo, String option) {
        robot.clickOn(combo);
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(option)).query();
        robot.clickOn(cell);
    }

    private Set<String> ids() {
        Set<String> ids = new HashSet<>();
        document.topology().nodes().forEach(n -> ids.add(n.id()));
        document.topology().bridges().forEach(b -> ids.add(b.id()));
        return ids;
    }

    private String created(Set<String> before) {
        Set<String> now = ids();
        now.removeAll(before);
        assertThat(now).as("one new element").hasSize(1);
        return now.iterator().next();
    }

    private Point2D centreOf(String id) {
        NodeView<?> view = canvas.nodeView(id).orElseThrow();
        Bounds b = view.localToScreen(view.getLayoutBounds());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }
}

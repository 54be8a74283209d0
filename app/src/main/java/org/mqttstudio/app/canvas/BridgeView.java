package org.mqttstudio.app.canvas;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;

/**
 * A bridge: an edge from the broker that owns the connection to the node it connects to, with an
 * arrowhead where messages go (out rules: at {@code to}; in rules: at {@code from}; both: at both
 * ends) and a label with the connection name and one line per topic rule, written as in
 * mosquitto.conf ({@code srv/# out 2}). CSS id: the bridge id; style class {@code bridge-view}.
 */
public final class BridgeView extends EdgeView {
    private final Line line = new Line();
    private final Arrowhead toHead = new Arrowhead("bridge-arrow");
    private final Arrowhead fromHead = new Arrowhead("bridge-arrow");
    private final Label name = new Label();
    private final VBox label = new VBox();
    private Bridge model;

    BridgeView(String bridgeId) {
        setId(bridgeId);
        getStyleClass().add("bridge-view");
        line.getStyleClass().add("bridge-line");
        name.getStyleClass().add("bridge-name");
        label.getStyleClass().add("bridge-label");
        getChildren().addAll(line, toHead, fromHead, label);
        // The label is centred on the line once its size is known, and again whenever it changes.
        label.widthProperty().addListener(o -> centreLabel());
        label.heightProperty().addListener(o -> centreLabel());
    }

    public Bridge model() {
        return model;
    }

    /** The label's lines: the connection name, then one per rule. */
    public List<String> labelLines() {
        return label.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    void show(Bridge bridge, NodeView<?> from, NodeView<?> to, double laneOffset) {
        model = bridge;
        name.setText(bridge.name());
        label.getChildren().setAll(name);
        bridge.rules().forEach(rule -> label.getChildren().add(ruleLabel(rule)));
        if (bridge.rules().isEmpty()) {
            label.getChildren().add(ruleLabel("no topics: forwards nothing"));
        }
        toHead.setVisible(bridge.rules().stream().anyMatch(r -> r.direction().forwardsOut()));
        fromHead.setVisible(bridge.rules().stream().anyMatch(r -> r.direction().forwardsIn()));
        connect(from, to, laneOffset);
    }

    /** A rule as its mosquitto {@code topic} line would read, without the keyword. */
    static String ruleText(BridgeRule rule) {
        String text = rule.pattern() + " " + rule.direction().word() + " " + rule.qos();
        return rule.hasPrefixes() ? text + " " + prefix(rule.localPrefix()) + " " + prefix(rule.remotePrefix()) : text;
    }

    @Override
    protected void route(Point2D start, Point2D end) {
        Point2D lineEnd = toHead.isVisible() ? toHead.pointAt(end, start) : end;
        Point2D lineStart = fromHead.isVisible() ? fromHead.pointAt(start, end) : start;
        line.setStartX(lineStart.getX());
        line.setStartY(lineStart.getY());
        line.setEndX(lineEnd.getX());
        line.setEndY(lineEnd.getY());
        centreLabel();
    }

    private void centreLabel() {
        double midX = (line.getStartX() + line.getEndX()) / 2;
        double midY = (line.getStartY() + line.getEndY()) / 2;
        label.relocate(midX - label.getWidth() / 2, midY - label.getHeight() / 2);
    }

    private static Label ruleLabel(BridgeRule rule) {
        return ruleLabel(ruleText(rule));
    }

    private static Label ruleLabel(String text) {
        Label rule = new Label(text);
        rule.getStyleClass().add("bridge-rule");
        return rule;
    }

    private static String prefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? "\"\"" : prefix;
    }
}

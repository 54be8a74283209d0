package org.mqttstudio.app.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.QuadCurve;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;

/**
 * A bridge: an edge from the broker that owns the connection to the node it connects to, with an
 * arrowhead where messages go (out rules: at {@code to}; in rules: at {@code from}; both: at both
 * ends) and a label with the connection name and one line per topic rule, written as in
 * mosquitto.conf ({@code srv/# out 2}). Bridges joining the same two brokers (one each way, say)
 * bow apart as curves, each label outside its own curve's apex, so neither path nor label hides the
 * other. CSS id: the bridge id; style class {@code bridge-view}.
 */
public final class BridgeView extends EdgeView {
    private static final double LABEL_SLIDE = 6;
    private static final int LABEL_SLIDE_STEPS = 25;
    /** Line length that must show on each side of a label sitting on the line. */
    private static final double MIN_VISIBLE_LINE = 28;

    private final QuadCurve line = new QuadCurve();
    private final Arrowhead toHead = new Arrowhead("bridge-arrow");
    private final Arrowhead fromHead = new Arrowhead("bridge-arrow");
    private final Label name = new Label();
    private final VBox label = new VBox();
    private final Badge badge = new Badge(label);
    private Bridge model;
    private boolean curved;
    private boolean placed;
    private Supplier<List<Bounds>> obstacles = List::of;

    BridgeView(String bridgeId) {
        setId(bridgeId);
        getStyleClass().add("bridge-view");
        line.getStyleClass().add("bridge-line");
        line.setFill(null);
        name.getStyleClass().add("bridge-name");
        label.getStyleClass().add("bridge-label");
        getChildren().addAll(line, toHead, fromHead, label);
        // The label is placed once its size is known, and again whenever it changes.
        label.widthProperty().addListener(o -> placeLabel());
        label.heightProperty().addListener(o -> placeLabel());
    }

    public Bridge model() {
        return model;
    }

    /** The label's lines: the connection name, then one per rule. */
    public List<String> labelLines() {
        return label.getChildren().stream().filter(n -> n != badge).map(n -> ((Label) n).getText()).toList();
    }

    public Badge badge() {
        return badge;
    }

    /** Where the label is on the canvas, once placed; empty before. */
    public Optional<Bounds> labelBox() {
        return placed ? Optional.of(label.getBoundsInParent()) : Optional.empty();
    }

    /** What the label keeps off when it can: the other bridges' labels and the node boxes. */
    void avoid(Supplier<List<Bounds>> boxes) {
        obstacles = boxes;
    }

    void show(Bridge bridge, NodeView<?> from, NodeView<?> to, double laneOffset) {
        model = bridge;
        name.setText(bridge.name());
        label.getChildren().setAll(name);
        bridge.rules().forEach(rule -> label.getChildren().add(ruleLabel(rule)));
        if (bridge.rules().isEmpty()) {
            label.getChildren().add(ruleLabel("no topics: forwards nothing"));
        }
        label.getChildren().add(badge);
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
    public Point2D pathPoint(double t) {
        double u = 1 - t;
        return new Point2D(
                u * u * line.getStartX() + 2 * u * t * line.getControlX() + t * t * line.getEndX(),
                u * u * line.getStartY() + 2 * u * t * line.getControlY() + t * t * line.getEndY());
    }

    @Override
    protected void route(Point2D start, Point2D control, Point2D end) {
        curved = !control.equals(start.midpoint(end));
        // The heads follow the curve's tangent at each end, which points at the control point.
        Point2D lineEnd = toHead.isVisible() ? toHead.pointAt(end, control) : end;
        Point2D lineStart = fromHead.isVisible() ? fromHead.pointAt(start, control) : start;
        line.setStartX(lineStart.getX());
        line.setStartY(lineStart.getY());
        line.setControlX(control.getX());
        line.setControlY(control.getY());
        line.setEndX(lineEnd.getX());
        line.setEndY(lineEnd.getY());
        placeLabel();
    }

    /**
     * Centres the label on the line when enough of the line stays visible beside it and no other bridge's
     * label or node is there; otherwise (brokers close together) moves it off the line, upwards first, until
     * it clears the nodes and the other labels. A curve's label sits outside its apex, moved further
     * out as needed.
     */
    private void placeLabel() {
        Point2D start = new Point2D(line.getStartX(), line.getStartY());
        Point2D end = new Point2D(line.getEndX(), line.getEndY());
        Point2D mid = pathPoint(0.5);
        Point2D along = end.subtract(start);
        Point2D unit = along.magnitude() < 1e-6 ? new Point2D(1, 0) : along.normalize();
        double width = label.getWidth();
        double height = label.getHeight();
        double extentAlong = Math.abs(unit.getX()) * width + Math.abs(unit.getY()) * height;
        Point2D normal = new Point2D(unit.getY(), -unit.getX());
        if (curved) {
            // Outside the apex: the side the curve bows to, away from the other lanes' labels.
            Point2D bow = mid.subtract(start.midpoint(end));
            if (normal.dotProduct(bow) < 0) {
                normal = normal.multiply(-1);
            }
            slideOff(mid, normal, width, height, new int[] {1});
            return;
        }
        if (normal.getY() > 0 || (normal.getY() == 0 && normal.getX() > 0)) {
            normal = normal.multiply(-1);
        }
        Bounds centred = new BoundingBox(mid.getX() - width / 2, mid.getY() - height / 2, width, height);
        if (along.magnitude() >= extentAlong + 2 * MIN_VISIBLE_LINE
                && obstacles.get().stream().noneMatch(centred::intersects)) {
            place(centred);
            return;
        }
        slideOff(mid, normal, width, height, new int[] {1, -1});
    }

    /**
     * Moves the label off the path along {@code normal} (to the given sides) until it clears both end
     * boxes, the other nodes and the other labels; centred on the path when nothing clears them.
     */
    private void slideOff(Point2D mid, Point2D normal, double width, double height, int[] sides) {
        double clearOfLine = (Math.abs(normal.getX()) * width + Math.abs(normal.getY()) * height) / 2 + LABEL_SLIDE;
        List<Bounds> boxes = new ArrayList<>(endBoxes());
        boxes.addAll(obstacles.get());
        for (int step = 0; step <= LABEL_SLIDE_STEPS; step++) {
            for (int side : sides) {
                Point2D centre = mid.add(normal.multiply(side * (clearOfLine + step * LABEL_SLIDE)));
                Bounds candidate = new BoundingBox(centre.getX() - width / 2, centre.getY() - height / 2, width, height);
                if (boxes.stream().noneMatch(candidate::intersects)) {
                    place(candidate);
                    return;
                }
            }
        }
        place(new BoundingBox(mid.getX() - width / 2, mid.getY() - height / 2, width, height));
    }

    private void place(Bounds box) {
        label.relocate(box.getMinX(), box.getMinY());
        placed = true;
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

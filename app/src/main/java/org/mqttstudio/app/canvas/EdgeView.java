package org.mqttstudio.app.canvas;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;

/**
 * A connection drawn between two node views. It follows their boxes: whenever either moves or
 * resizes, the edge is routed again from border to border, so node views never need to know
 * their edges.
 */
public abstract sealed class EdgeView extends Group permits BridgeView, ClientLinkView {
    /** Room left between a box border and an edge end, so arrowheads stay visible. */
    private static final double GAP = 3;

    private final InvalidationListener reroute = observable -> route();
    private NodeView<?> source;
    private NodeView<?> target;
    private double laneOffset;

    /** Attaches the edge to its end views; {@code laneOffset} shifts it sideways (parallel edges). */
    protected final void connect(NodeView<?> newSource, NodeView<?> newTarget, double newLaneOffset) {
        source = follow(source, newSource);
        target = follow(target, newTarget);
        laneOffset = newLaneOffset;
        route();
    }

    /** Stops following the end views; called when the edge leaves the canvas. */
    final void disconnect() {
        source = follow(source, null);
        target = follow(target, null);
    }

    /** The boxes of the two end views (empty before the edge is connected), e.g. to keep labels off them. */
    protected final List<Bounds> endBoxes() {
        return source == null || target == null ? List.of()
                : List.of(source.box(), target.box());
    }

    /**
     * Draws the edge between two border points, from the source's side to the target's. {@code control} is
     * the control point of a quadratic curve through them: their midpoint for an edge in the middle lane,
     * off to the side for the other lanes, so that parallel edges bow apart.
     */
    protected abstract void route(Point2D start, Point2D control, Point2D end);

    /** A point of the drawn path, from its source end ({@code t} 0) to its target end (1): 0.5 is its middle. */
    public abstract Point2D pathPoint(double t);

    private NodeView<?> follow(NodeView<?> old, NodeView<?> next) {
        if (old != next) {
            if (old != null) {
                old.boxChanges().forEach(property -> property.removeListener(reroute));
            }
            if (next != null) {
                next.boxChanges().forEach(property -> property.addListener(reroute));
            }
        }
        return next;
    }

    private void route() {
        if (source == null || target == null) {
            return;
        }
        Bounds a = source.box();
        Bounds b = target.box();
        Point2D from = new Point2D(a.getCenterX(), a.getCenterY());
        Point2D to = new Point2D(b.getCenterX(), b.getCenterY());
        Point2D direction = to.subtract(from);
        if (direction.magnitude() < 1e-6) {
            return;
        }
        // A quadratic curve's apex lies halfway to its control point: twice the offset bows it by the offset.
        Point2D normal = new Point2D(-direction.getY(), direction.getX()).normalize();
        Point2D control = from.midpoint(to).add(normal.multiply(2 * laneOffset));
        Point2D start = exit(a, from, control.subtract(from));
        Point2D end = exit(b, to, control.subtract(to));
        route(start, laneOffset == 0 ? start.midpoint(end) : control, end);
    }

    /** Where a ray from {@code inside} along {@code direction} leaves the box (plus the gap). */
    private static Point2D exit(Bounds box, Point2D inside, Point2D direction) {
        double tx = direction.getX() > 0 ? (box.getMaxX() + GAP - inside.getX()) / direction.getX()
                : direction.getX() < 0 ? (box.getMinX() - GAP - inside.getX()) / direction.getX()
                : Double.POSITIVE_INFINITY;
        double ty = direction.getY() > 0 ? (box.getMaxY() + GAP - inside.getY()) / direction.getY()
                : direction.getY() < 0 ? (box.getMinY() - GAP - inside.getY()) / direction.getY()
                : Double.POSITIVE_INFINITY;
        double t = Math.max(0, Math.min(tx, ty));
        return inside.add(direction.multiply(t));
    }
}

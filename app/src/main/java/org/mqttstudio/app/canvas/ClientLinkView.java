package org.mqttstudio.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.shape.Line;

/**
 * The connection of a simulated client to its broker, drawn the way messages flow: publisher to
 * broker, broker to subscriber. Keyed on the canvas by the client's id.
 */
public final class ClientLinkView extends EdgeView {
    private final boolean publishing;
    private final Line line = new Line();
    private final Arrowhead head;

    ClientLinkView(boolean publishing) {
        this.publishing = publishing;
        String kind = publishing ? "publish-link" : "subscribe-link";
        getStyleClass().addAll("client-link", kind);
        line.getStyleClass().add("client-link-line");
        head = new Arrowhead("client-link-arrow");
        getChildren().addAll(line, head);
    }

    /** True for a publisher's link, false for a subscriber's. */
    public boolean publishing() {
        return publishing;
    }

    void show(NodeView<?> client, NodeView<?> broker) {
        if (publishing) {
            connect(client, broker, 0);
        } else {
            connect(broker, client, 0);
        }
    }

    @Override
    public Point2D pathPoint(double t) {
        return new Point2D(line.getStartX() + t * (line.getEndX() - line.getStartX()),
                line.getStartY() + t * (line.getEndY() - line.getStartY()));
    }

    @Override
    protected void route(Point2D start, Point2D control, Point2D end) {
        Point2D base = head.pointAt(end, start);
        line.setStartX(start.getX());
        line.setStartY(start.getY());
        line.setEndX(base.getX());
        line.setEndY(base.getY());
    }
}

package org.mqttstudio.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.shape.Polygon;

/** A filled triangle at one end of an edge, pointing along it. */
final class Arrowhead extends Polygon {
    static final double LENGTH = 11;
    private static final double WIDTH = 9;

    Arrowhead(String styleClass) {
        getStyleClass().addAll("arrowhead", styleClass);
    }

    /** Points the head at {@code tip}, coming from {@code tail}; returns where its base is. */
    Point2D pointAt(Point2D tip, Point2D tail) {
        Point2D back = tail.subtract(tip).normalize();
        Point2D base = tip.add(back.multiply(LENGTH));
        Point2D side = new Point2D(-back.getY(), back.getX()).multiply(WIDTH / 2);
        Point2D left = base.add(side);
        Point2D right = base.subtract(side);
        getPoints().setAll(tip.getX(), tip.getY(), left.getX(), left.getY(), right.getX(), right.getY());
        return base;
    }
}

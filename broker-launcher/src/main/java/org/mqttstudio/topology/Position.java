package org.mqttstudio.topology;

/** Where a node sits on the designer canvas (canvas units, origin top left). */
public record Position(double x, double y) {
    public static final Position ORIGIN = new Position(0, 0);

    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position must be finite, not (" + x + ", " + y + ")");
        }
    }
}

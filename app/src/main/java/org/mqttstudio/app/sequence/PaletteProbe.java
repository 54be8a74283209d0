package org.mqttstudio.app.sequence;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.sequence.SequenceLayout.Style;
import org.mqttstudio.app.sequence.SequencePalette.Ink;
import org.mqttstudio.app.sequence.SequencePalette.Lettering;

/**
 * Hidden shapes carrying the diagram's style classes, so that studio.css styles them like any node; their colours,
 * strokes and fonts are then read back as a {@link SequencePalette}. This keeps the colours in the stylesheet while
 * the diagram itself is drawn on a canvas (measured here: 65 arrows as styled nodes took 350-600 ms to build and
 * style, on the canvas 20 ms).
 */
final class PaletteProbe extends Group {
    private final Rectangle background = shape(new Rectangle(), "seq-background");
    private final Text title = text("seq-title");
    private final Text name = text("seq-name");
    private final Text muted = text("seq-time");
    private final Text label = text("seq-label");
    private final Line lifeline = shape(new Line(), "seq-lifeline");
    private final Map<Participant.Role, Rectangle> heads = new EnumMap<>(Participant.Role.class);
    private final Map<Style, Line> arrows = new EnumMap<>(Style.class);

    PaletteProbe() {
        setManaged(false);
        setVisible(false);
        getChildren().addAll(background, title, name, muted, label, lifeline);
        for (Participant.Role role : Participant.Role.values()) {
            Rectangle head = shape(new Rectangle(), "seq-head");
            head.getStyleClass().add(SequenceDiagram.roleClass(role));
            heads.put(role, head);
            getChildren().add(head);
        }
        for (Style style : Style.values()) {
            Line line = shape(new Line(), "seq-arrow-line");
            Group arrow = new Group(line);
            arrow.getStyleClass().addAll("seq-arrow", SequenceDiagram.styleClass(style));
            arrows.put(style, line);
            getChildren().add(arrow);
        }
    }

    /** The palette as the stylesheet has it now; the probe must be in a scene. */
    SequencePalette read() {
        applyCss();
        Map<Participant.Role, String> fills = new EnumMap<>(Participant.Role.class);
        Map<Participant.Role, Ink> borders = new EnumMap<>(Participant.Role.class);
        heads.forEach((role, head) -> {
            fills.put(role, colour(head.getFill()));
            borders.put(role, ink(head));
        });
        Map<Style, Ink> inks = new EnumMap<>(Style.class);
        arrows.forEach((style, line) -> inks.put(style, ink(line)));
        return new SequencePalette(colour(background.getFill()), label.getFont().getFamily(), lettering(title),
                lettering(name), lettering(muted), label.getFont().getSize(), ink(lifeline), fills, borders, inks);
    }

    private static <T extends Shape> T shape(T shape, String styleClass) {
        shape.getStyleClass().add(styleClass);
        return shape;
    }

    private static Text text(String styleClass) {
        return shape(new Text("x"), styleClass);
    }

    private static Ink ink(Shape shape) {
        return new Ink(colour(shape.getStroke()), shape.getStrokeWidth(), shape.getStrokeDashArray());
    }

    private static Lettering lettering(Text text) {
        Font font = text.getFont();
        return new Lettering(colour(text.getFill()), font.getSize(), font.getStyle().toLowerCase(Locale.ROOT)
                .contains("bold"));
    }

    static String colour(Paint paint) {
        if (!(paint instanceof Color c)) {
            return "rgba(0,0,0,0.000)";
        }
        long r = Math.round(c.getRed() * 255);
        long g = Math.round(c.getGreen() * 255);
        long b = Math.round(c.getBlue() * 255);
        // #rrggbb where opaque: every SVG renderer reads it; rgba() only where a colour is see-through
        return c.getOpacity() >= 1 ? String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b)
                : String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", r, g, b, c.getOpacity());
    }
}

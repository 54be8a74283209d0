package org.mqttstudio.app.sequence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mqttstudio.app.Snapshots;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.app.sequence.SequenceLayout.Lifeline;
import org.mqttstudio.app.sequence.SequenceLayout.Style;
import org.mqttstudio.app.sequence.SequencePalette.Ink;
import org.mqttstudio.app.sequence.SequencePalette.Lettering;

/**
 * Draws a {@link SequenceLayout} on a canvas with the colours studio.css gives it, and exports it as PNG or SVG (the
 * SVG from the same layout and palette). A canvas is at most {@link #MAX_SIDE} px a side; a larger diagram (a
 * message fanning out to dozens of subscribers) is drawn up to there, and its SVG has all of it.
 */
public final class SequenceDiagram extends Pane {
    static final double MAX_SIDE = 8_192;
    static final double HEAD = 7;
    static final double HALO = 4;

    private final Canvas canvas = new Canvas();
    private final PaletteProbe probe = new PaletteProbe();
    private SequenceLayout layout;

    public SequenceDiagram() {
        getStyleClass().add("sequence-diagram");
        getChildren().addAll(probe, canvas);
    }

    /** What is drawn now, if anything. */
    public Optional<SequenceLayout> layoutShown() {
        return Optional.ofNullable(layout);
    }

    /** Draws the layout; needs the diagram in a scene (for its stylesheet). */
    public void show(SequenceLayout shown) {
        layout = shown;
        double width = Math.min(shown.width(), MAX_SIDE);
        double height = Math.min(shown.height(), MAX_SIDE);
        canvas.setWidth(width);
        canvas.setHeight(height);
        setPrefSize(width, height);
        setMinSize(width, height);
        draw(canvas.getGraphicsContext2D(), shown, palette());
    }

    public void clear() {
        layout = null;
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        canvas.setWidth(0);
        canvas.setHeight(0);
        setPrefSize(0, 0);
        setMinSize(0, 0);
    }

    /** The colours, strokes and fonts the stylesheet gives the diagram now. */
    public SequencePalette palette() {
        return probe.read();
    }

    /** Writes what is shown as a PNG at its full size. */
    public void exportPng(Path png) throws IOException {
        Snapshots.save(canvas, png);
    }

    /** Writes what is shown as SVG, from the same layout and palette the canvas is drawn with. */
    public void exportSvg(Path svg) throws IOException {
        if (layout == null) {
            throw new IllegalStateException("no diagram shown");
        }
        Path parent = svg.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(svg, SequenceSvg.write(layout, palette()), StandardCharsets.UTF_8);
    }

    static String roleClass(Participant.Role role) {
        return "seq-" + role.name().toLowerCase(Locale.ROOT);
    }

    static String styleClass(Style style) {
        return "seq-" + style.name().toLowerCase(Locale.ROOT);
    }

    private static void draw(GraphicsContext g, SequenceLayout layout, SequencePalette palette) {
        g.setFill(Color.web(palette.background()));
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setTextBaseline(VPos.BASELINE);
        text(g, palette, layout.title(), SequenceLayout.GUTTER / 4, SequenceLayout.TITLE_Y, TextAlignment.LEFT,
                palette.title(), false);
        for (Lifeline lifeline : layout.lifelines()) {
            lifeline(g, lifeline, layout, palette);
        }
        for (SequenceLayout.Gap gap : layout.gaps()) {
            stroke(g, palette.lifeline());
            g.strokeLine(SequenceLayout.GUTTER + 16, gap.y(), layout.width() - SequenceLayout.MARGIN, gap.y());
            text(g, palette, gap.label(), SequenceLayout.GUTTER / 4, gap.y() + 4, TextAlignment.LEFT,
                    palette.muted(), true);
        }
        for (Arrow arrow : layout.arrows()) {
            arrow(g, arrow, layout, palette);
        }
    }

    private static void lifeline(GraphicsContext g, Lifeline lifeline, SequenceLayout layout,
            SequencePalette palette) {
        double x = lifeline.x();
        Participant.Role role = lifeline.participant().role();
        stroke(g, palette.lifeline());
        g.strokeLine(x, SequenceLayout.HEADER_TOP + SequenceLayout.HEADER_HEIGHT, x, layout.bottom());
        double left = x - SequenceLayout.BOX_WIDTH / 2;
        g.setFill(Color.web(palette.headFill().get(role)));
        g.fillRoundRect(left, SequenceLayout.HEADER_TOP, SequenceLayout.BOX_WIDTH, SequenceLayout.HEADER_HEIGHT, 12,
                12);
        stroke(g, palette.headLine().get(role));
        g.strokeRoundRect(left, SequenceLayout.HEADER_TOP, SequenceLayout.BOX_WIDTH, SequenceLayout.HEADER_HEIGHT,
                12, 12);
        text(g, palette, lifeline.participant().name(), x, SequenceLayout.HEADER_TOP + 20, TextAlignment.CENTER,
                palette.name(), false);
        if (!lifeline.bridges().isEmpty()) {
            text(g, palette, SequenceSvg.bridgeNote(lifeline), x, SequenceLayout.HEADER_TOP + 37,
                    TextAlignment.CENTER, palette.muted(), false);
        }
    }

    private static void arrow(GraphicsContext g, Arrow arrow, SequenceLayout layout, SequencePalette palette) {
        double from = layout.x(arrow.from());
        double to = layout.x(arrow.to());
        double sign = Math.signum(to - from);
        double y = arrow.y();
        Ink ink = palette.arrows().get(arrow.style());
        stroke(g, ink);
        g.strokeLine(from, y, to - sign * HEAD, y);
        Color colour = Color.web(ink.colour());
        g.setFill(colour);
        g.fillPolygon(new double[] {to, to - sign * HEAD * 1.6, to - sign * HEAD * 1.6},
                new double[] {y, y - HEAD / 1.6, y + HEAD / 1.6}, 3);
        Lettering label = new Lettering(ink.colour(), palette.labelSize(), false);
        text(g, palette, arrow.label(), (from + to) / 2, y - 6, TextAlignment.CENTER, label, true);
        if (!arrow.time().isEmpty()) {
            text(g, palette, arrow.time(), SequenceLayout.GUTTER / 4, y + 4, TextAlignment.LEFT, palette.muted(),
                    false);
        }
        if (!arrow.note().isEmpty()) {
            text(g, palette, arrow.note(), (from + to) / 2, y + 14, TextAlignment.CENTER, palette.muted(),
                    true);
        }
    }

    private static void stroke(GraphicsContext g, Ink ink) {
        g.setStroke(Color.web(ink.colour()));
        g.setLineWidth(ink.width());
        g.setLineDashes(ink.dashes().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A text; with a halo of the background's colour where lines may cross it (an arrow's label over a lifeline),
     * as the SVG draws it with paint-order="stroke".
     */
    private static void text(GraphicsContext g, SequencePalette palette, String content, double x, double y,
            TextAlignment alignment, Lettering lettering, boolean halo) {
        g.setFont(Font.font(palette.fontFamily(), lettering.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                lettering.size()));
        g.setTextAlign(alignment);
        if (halo) {
            g.setStroke(Color.web(palette.background()));
            g.setLineDashes();
            g.setLineWidth(HALO);
            g.strokeText(content, x, y);
        }
        g.setFill(Color.web(lettering.colour()));
        g.fillText(content, x, y);
    }
}

package org.mqttstudio.app.sequence;

import java.util.Locale;
import java.util.stream.Collectors;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.sequence.SequenceLayout.Arrow;
import org.mqttstudio.app.sequence.SequenceLayout.Lifeline;

/** Writes a {@link SequenceLayout} as an SVG document: the same geometry {@link SequenceDiagram} draws. */
public final class SequenceSvg {
    private SequenceSvg() {
    }

    /** The note under a broker's name naming the bridges whose client it is on this message's hops. */
    static String bridgeNote(Lifeline lifeline) {
        return "client of " + String.join(", ", lifeline.bridges());
    }

    public static String write(SequenceLayout layout, SequencePalette palette) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">%n", layout.width(),
                        layout.height(), layout.width(), layout.height(), escape(palette.fontFamily())));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"none\"/>%n",
                layout.width(), layout.height(), palette.background()));
        text(svg, null, layout.title(), SequenceLayout.GUTTER / 4, SequenceLayout.TITLE_Y, "start", palette.title());
        svg.append("<g class=\"lifelines\">\n");
        for (Lifeline lifeline : layout.lifelines()) {
            lifeline(svg, lifeline, layout, palette);
        }
        for (SequenceLayout.Gap gap : layout.gaps()) {
            svg.append(String.format(Locale.ROOT, "<line class=\"gap\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                    + "y2=\"%.1f\"%s/>%n", SequenceLayout.GUTTER + 16, gap.y(), layout.width() - SequenceLayout.MARGIN,
                    gap.y(), stroke(palette.lifeline())));
            text(svg, palette.background(), gap.label(), SequenceLayout.GUTTER / 4, gap.y() + 4, "start",
                    palette.muted());
        }
        svg.append("</g>\n<g class=\"packets\">\n");
        for (Arrow arrow : layout.arrows()) {
            arrow(svg, arrow, layout, palette);
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    private static void lifeline(StringBuilder svg, Lifeline lifeline, SequenceLayout layout,
            SequencePalette palette) {
        double x = lifeline.x();
        Participant.Role role = lifeline.participant().role();
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s/>%n", x,
                SequenceLayout.HEADER_TOP + SequenceLayout.HEADER_HEIGHT, x, layout.bottom(),
                stroke(palette.lifeline())));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" "
                        + "fill=\"%s\"%s/>%n", x - SequenceLayout.BOX_WIDTH / 2, SequenceLayout.HEADER_TOP,
                SequenceLayout.BOX_WIDTH, SequenceLayout.HEADER_HEIGHT, palette.headFill().get(role),
                stroke(palette.headLine().get(role))));
        text(svg, null, lifeline.participant().name(), x, SequenceLayout.HEADER_TOP + 20, "middle", palette.name());
        if (!lifeline.bridges().isEmpty()) {
            text(svg, null, bridgeNote(lifeline), x, SequenceLayout.HEADER_TOP + 37, "middle", palette.muted());
        }
    }

    /** One packet: a group of its line, arrow head, label, time and note. */
    private static void arrow(StringBuilder svg, Arrow arrow, SequenceLayout layout, SequencePalette palette) {
        double from = layout.x(arrow.from());
        double to = layout.x(arrow.to());
        double sign = Math.signum(to - from);
        double y = arrow.y();
        SequencePalette.Ink ink = palette.arrows().get(arrow.style());
        svg.append(String.format(Locale.ROOT, "<g class=\"packet %s\" data-type=\"%s\" data-hop=\"%d\">%n",
                SequenceDiagram.styleClass(arrow.style()), arrow.type(), arrow.hop()));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s/>%n", from, y,
                to - sign * SequenceDiagram.HEAD, y, stroke(ink)));
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" "
                        + "stroke=\"none\"/>%n",
                to, y, to - sign * SequenceDiagram.HEAD * 1.6, y - SequenceDiagram.HEAD / 1.6,
                to - sign * SequenceDiagram.HEAD * 1.6, y + SequenceDiagram.HEAD / 1.6, ink.colour()));
        text(svg, palette.background(), arrow.label(), (from + to) / 2, y - 6, "middle",
                new SequencePalette.Lettering(ink.colour(), palette.labelSize(), false));
        if (!arrow.time().isEmpty()) {
            text(svg, null, arrow.time(), SequenceLayout.GUTTER / 4, y + 4, "start", palette.muted());
        }
        if (!arrow.note().isEmpty()) {
            text(svg, palette.background(), arrow.note(), (from + to) / 2, y + 14, "middle", palette.muted());
        }
        svg.append("</g>\n");
    }

    private static String stroke(SequencePalette.Ink ink) {
        String dashes = ink.dashes().stream().map(d -> String.format(Locale.ROOT, "%.1f", d))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, " stroke=\"%s\" stroke-width=\"%.1f\"%s", ink.colour(), ink.width(),
                dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\"");
    }

    /**
     * A text; with a halo where lines may cross it, as on the canvas: the same text stroked in the background's
     * colour underneath (rather than paint-order, which not every SVG renderer knows). {@code halo} null for none.
     */
    private static void text(StringBuilder svg, String halo, String content, double x, double y,
            String anchor, SequencePalette.Lettering lettering) {
        String start = String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.1f\" "
                + "font-weight=\"%s\"", x, y, anchor, lettering.size(), lettering.bold() ? "bold" : "normal");
        if (halo != null) {
            svg.append(String.format(Locale.ROOT, "%s fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\" "
                    + "stroke-linejoin=\"round\">%s</text>%n", start, halo, halo, SequenceDiagram.HALO,
                    escape(content)));
        }
        svg.append(String.format(Locale.ROOT, "%s fill=\"%s\" stroke=\"none\">%s</text>%n", start, lettering.colour(),
                escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

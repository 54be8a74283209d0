package org.mqttstudio.app.sequence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.sequence.SequenceLayout.Style;

/**
 * The colours, strokes and fonts studio.css gives a sequence diagram (read by {@link PaletteProbe}), handed to both
 * renderers: {@link SequenceDiagram}'s canvas and {@link SequenceSvg}. Colours are CSS colour strings.
 *
 * @param background the drawing's background
 * @param fontFamily every text's font family
 * @param title      the title line
 * @param name       the lifelines' names
 * @param muted      times, notes, and the bridges under a broker's name
 * @param labelSize  the arrow labels' font size (their colour is the arrow's)
 * @param lifeline   the lifelines
 * @param headFill   per role, the fill of a lifeline's head
 * @param headLine   per role, the border of a lifeline's head
 * @param arrows     per style, the arrows
 */
public record SequencePalette(String background, String fontFamily, Lettering title, Lettering name, Lettering muted,
                              double labelSize, Ink lifeline, Map<Participant.Role, String> headFill,
                              Map<Participant.Role, Ink> headLine, Map<Style, Ink> arrows) {

    /** A stroke: colour, width, dash lengths (empty for a solid line). */
    public record Ink(String colour, double width, List<Double> dashes) {
        public Ink {
            Objects.requireNonNull(colour, "colour");
            dashes = List.copyOf(dashes);
        }
    }

    /** A text style: colour, size in px, bold or not. */
    public record Lettering(String colour, double size, boolean bold) {
        public Lettering {
            Objects.requireNonNull(colour, "colour");
        }
    }

    public SequencePalette {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(muted, "muted");
        Objects.requireNonNull(lifeline, "lifeline");
        headFill = Map.copyOf(new EnumMap<>(headFill));
        headLine = Map.copyOf(new EnumMap<>(headLine));
        arrows = Map.copyOf(new EnumMap<>(arrows));
        if (headFill.size() < Participant.Role.values().length || headLine.size() < Participant.Role.values().length
                || arrows.size() < Style.values().length) {
            throw new IllegalArgumentException("a palette has a head for every role and an ink for every style");
        }
    }
}

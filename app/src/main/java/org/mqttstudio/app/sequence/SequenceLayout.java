package org.mqttstudio.app.sequence;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mqttstudio.app.flows.Participant;
import org.mqttstudio.app.flows.Participants;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketType;

/**
 * Where everything of one message's sequence diagram goes: the lifelines left to right in the order the message
 * travelled, and one arrow per packet top to bottom in time order. Plain values without JavaFX: computed anywhere,
 * drawn by {@link SequenceDiagram} on screen and written by {@link SequenceSvg}, so both show the same picture.
 *
 * @param flowId    the flow's id
 * @param title     one line about the message
 * @param lifelines left to right
 * @param arrows    top to bottom
 * @param gaps      where a long wait between two packets (a cut link, a retry timer) is marked
 * @param width     the drawing's size
 * @param height    the drawing's size
 */
public record SequenceLayout(long flowId, String title, List<Lifeline> lifelines, List<Arrow> arrows,
                             List<Gap> gaps, double width, double height) {
    public static final double TITLE_Y = 22;
    public static final double HEADER_TOP = 40;
    public static final double HEADER_HEIGHT = 46;
    public static final double BOX_WIDTH = 184;
    /** The left column where each arrow's time since the first packet stands. */
    public static final double GUTTER = 92;
    static final double COLUMN = 214;
    static final double FIRST_ROW = HEADER_TOP + HEADER_HEIGHT + 36;
    static final double ROW = 40;
    static final double MARGIN = 24;
    /** A wait between two packets longer than this gets a gap of its own, so a late hop stands out. */
    static final java.time.Duration LONG_WAIT = java.time.Duration.ofMillis(500);

    /**
     * One participant's lifeline.
     *
     * @param bridges the bridges whose client runs in this participant (a broker), as they appear on its hops
     */
    public record Lifeline(Participant participant, List<String> bridges, double x) {
        public Lifeline {
            Objects.requireNonNull(participant, "participant");
            bridges = List.copyOf(bridges);
        }
    }

    /** How an arrow is drawn: a PUBLISH, an acknowledgement, a resend, or a packet the hop still waits for. */
    public enum Style { PUBLISH, ACK, RETRY, MISSING }

    /**
     * One packet of the message on one hop (or, {@link Style#MISSING}, the packet a hop that never completed
     * waits for).
     *
     * @param hop        the hop's index in the flow
     * @param type       the packet's type
     * @param packetId   the hop's packet id; null at QoS 0
     * @param qos        the hop's QoS
     * @param dup        the DUP flag of a PUBLISH; false for the other types
     * @param sinceStart since the flow's first packet; null for a missing packet
     * @param from       the sending lifeline's index
     * @param to         the receiving lifeline's index
     * @param y          where the arrow runs; it goes from lifeline {@code from}'s x to {@code to}'s
     * @param label      above the arrow
     * @param time       in the gutter; empty for a missing packet
     * @param note       below the arrow (a topic changed by a bridge, a reason code); empty if none
     */
    public record Arrow(int hop, PacketType type, Integer packetId, int qos, boolean dup, Duration sinceStart,
                        int from, int to, double y, String label, String time, String note, Style style) {
        public Arrow {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(style, "style");
        }
    }

    /** A long wait between two packets: a line across the lifelines at y, and how long it was. */
    public record Gap(double y, String label) {
        public Gap {
            Objects.requireNonNull(label, "label");
        }
    }

    public SequenceLayout {
        Objects.requireNonNull(title, "title");
        lifelines = List.copyOf(lifelines);
        arrows = List.copyOf(arrows);
        gaps = List.copyOf(gaps);
    }

    /** The layout of a flow; cheap (a few dozen values for a flow across a handful of brokers). */
    public static SequenceLayout of(MessageFlow flow, Participants participants) {
        return new LayoutBuilder(flow, participants).build();
    }

    /** Where a lifeline's arrow end is. */
    public double x(int lifeline) {
        return lifelines.get(lifeline).x();
    }

    /** Where the lifelines end. */
    public double bottom() {
        return height - MARGIN / 2;
    }
}

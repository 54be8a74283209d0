package org.mqttstudio.app.animation;

import java.util.List;

/**
 * What the pump hands the FX thread at once: the dots scheduled since the last hand-over, and, when they were
 * refreshed, every edge's state and the legend (empty lists: unchanged).
 */
record FlowFrame(List<Dot> dots, List<EdgeState> edges, List<TopicColors.LegendEntry> legend) {
    FlowFrame {
        dots = List.copyOf(dots);
        edges = List.copyOf(edges);
        legend = List.copyOf(legend);
    }
}

package org.mqttstudio.app.explorer;

import java.time.Duration;

/**
 * What one explorer tab holds and costs: the most FX-thread CPU time one of its frames took, the topic tree's items, and the
 * chart's points kept (every series' window) against those handed to the renderer (decimated for display).
 */
public record ExplorerLoad(Duration worstFrameWork, int treeItems, int chartPointsKept, int chartPointsDrawn) {
    public static final ExplorerLoad NONE = new ExplorerLoad(Duration.ZERO, 0, 0, 0);
}

package org.mqttstudio.app.live;

import java.util.List;
import java.util.Map;
import org.mqttstudio.app.tracepanel.TraceRow;
import org.mqttstudio.runtime.NodeStatus;

/**
 * What changed in a run since the last frame, handed to the FX thread in one piece.
 *
 * @param rows     new trace rows, formatted, oldest first
 * @param statuses status changes, oldest first
 * @param received per subscriber id, messages received since the run started (every subscriber seen so far)
 */
public record LiveBatch(List<TraceRow> rows, List<NodeStatus> statuses, Map<String, Long> received) {
    public LiveBatch {
        rows = List.copyOf(rows);
        statuses = List.copyOf(statuses);
        received = Map.copyOf(received);
    }
}

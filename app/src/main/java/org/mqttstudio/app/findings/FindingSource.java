package org.mqttstudio.app.findings;

import java.util.List;
import org.mqttstudio.topology.Topology;

/**
 * What the problems panel shows for a topology. The checker plugs in here (see the report of the
 * first window issue): {@code topology -> checker.check(topology).stream().map(...).toList()}.
 */
@FunctionalInterface
public interface FindingSource {
    /** Shows no findings: the window before a checker is wired in. */
    FindingSource NONE = topology -> List.of();

    List<FindingRow> findings(Topology topology);
}

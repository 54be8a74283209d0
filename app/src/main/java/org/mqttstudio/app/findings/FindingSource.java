package org.mqttstudio.app.findings;

import java.util.List;
import org.mqttstudio.topology.Topology;

/**
 * What the problems panel shows for a topology. The checker plugs in here, in {@code StudioApp}:
 * <pre>{@code
 * FindingSource checker = topology -> new Checker().check(topology).stream()
 *         .map(f -> new FindingRow(FindingRow.Level.valueOf(f.severity().name()), f.code(), f.elementId(),
 *                 f.message(), f.fix()))
 *         .toList();
 * }</pre>
 */
@FunctionalInterface
public interface FindingSource {
    /** Shows no findings: the window before a checker is wired in. */
    FindingSource NONE = topology -> List.of();

    List<FindingRow> findings(Topology topology);
}

package org.mqttstudio.app.findings;

import java.util.List;
import org.mqttstudio.check.Checker;
import org.mqttstudio.topology.Topology;

/** What the problems panel shows for a topology: the checker's findings, or a stand-in in tests. */
@FunctionalInterface
public interface FindingSource {
    /** Shows no findings: the window before a checker is wired in. */
    FindingSource NONE = topology -> List.of();

    /** The checker of broker-launcher; it never throws, whatever the topology. */
    FindingSource CHECKER = topology -> new Checker().check(topology).stream()
            .map(f -> new FindingRow(FindingRow.Level.valueOf(f.severity().name()), f.code(), f.elementId(),
                    f.message(), f.fix()))
            .toList();

    List<FindingRow> findings(Topology topology);
}

package org.mqttstudio.cli;

import java.nio.file.Path;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;

/** Loading shared by the subcommands: errors become {@link UserError}s. */
final class Inputs {
    private Inputs() {
    }

    static Topology topology(Path file) {
        try {
            return new TopologyJson().read(file);
        } catch (TopologyFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}

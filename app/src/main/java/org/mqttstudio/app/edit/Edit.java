package org.mqttstudio.app.edit;

import org.mqttstudio.topology.Topology;

/** One user edit: a pure function from the old topology to the new one. */
public interface Edit {
    String description();

    Topology apply(Topology before);

    /** An edit from a description and a function, for edits that need no class of their own. */
    static Edit of(String description, java.util.function.UnaryOperator<Topology> change) {
        return new Edit() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Topology apply(Topology before) {
                return change.apply(before);
            }
        };
    }
}

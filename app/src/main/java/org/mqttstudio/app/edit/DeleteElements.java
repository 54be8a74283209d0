package org.mqttstudio.app.edit;

import java.util.Set;

import org.mqttstudio.topology.Topology;

/** Deletes elements; a deleted broker takes its bridges and attached clients with it. */
public record DeleteElements(Set<String> ids) implements Edit {
    public DeleteElements {
        ids = Set.copyOf(ids);
    }

    @Override
    public String description() {
        return ids.size() == 1 ? "Delete" : "Delete " + ids.size() + " elements";
    }

    @Override
    public Topology apply(Topology before) {
        return before.without(ids);
    }
}

package org.mqttstudio.app.edit;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.mqttstudio.topology.Topology;

/**
 * The document being edited: the current topology, undo/redo of whole-topology snapshots, the dirty
 * flag and the file. Snapshots are cheap because topologies are immutable and share their records.
 * Selection lives here so canvas and property sheet agree on it, but it is not undoable.
 */
public final class Document {
    private final ReadOnlyObjectWrapper<Topology> topology;
    private final Deque<Topology> undo = new ArrayDeque<>();
    private final Deque<Topology> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper lastEdit = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper();
    private Topology saved;

    public Document(Topology initial) {
        topology = new ReadOnlyObjectWrapper<>(initial);
        saved = initial;
    }

    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public Topology topology() {
        return topology.get();
    }

    /** Applies {@code edit} as one undo step; an edit that changes nothing leaves no step. */
    public void execute(Edit edit) {
        Topology before = topology.get();
        Topology after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        undo.push(before);
        redo.clear();
        lastEdit.set(edit.description());
        show(after);
    }

    public boolean undo() {
        return step(undo, redo);
    }

    public boolean redo() {
        return step(redo, undo);
    }

    private boolean step(Deque<Topology> from, Deque<Topology> to) {
        if (from.isEmpty()) {
            return false;
        }
        to.push(topology.get());
        show(from.pop());
        return true;
    }

    private void show(Topology t) {
        topology.set(t);
        Set<String> present = selection.get().stream().filter(id -> exists(t, id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (present.size() != selection.get().size()) {
            selection.set(Collections.unmodifiableSet(present));
        }
        refreshFlags();
    }

    private static boolean exists(Topology t, String id) {
        return t.node(id).isPresent() || t.bridge(id).isPresent();
    }

    private void refreshFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(!topology.get().equals(saved));
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Description of the latest executed edit, for "Undo <what>" menu labels and the status bar. */
    public ReadOnlyStringProperty lastEditProperty() {
        return lastEdit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public void markSaved() {
        saved = topology.get();
        refreshFlags();
    }

    /** New or opened file: replaces the topology, forgets undo/redo and selection, not dirty. */
    public void load(Topology t, Path fileOrNull) {
        undo.clear();
        redo.clear();
        saved = t;
        selection.set(Set.of());
        file.set(fileOrNull);
        lastEdit.set("");
        show(t);
        loads.set(loads.get() + 1);
    }

    /** Counts {@link #load}s (New, Open, Reload): another document replaced this one, unlike an edit or Save As. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public void setFile(Path p) {
        file.set(p);
    }

    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Set<String> selection() {
        return selection.get();
    }

    /** Selects the given element ids (unknown ids are dropped). */
    public void select(Set<String> ids) {
        Topology t = topology.get();
        Set<String> present = ids.stream().filter(id -> exists(t, id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!present.equals(selection.get())) {
            selection.set(Collections.unmodifiableSet(present));
        }
    }
}

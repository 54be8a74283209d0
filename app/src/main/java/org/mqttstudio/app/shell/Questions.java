package org.mqttstudio.app.shell;

import java.time.Instant;

/** The questions the file actions ask the user, behind an interface so tests can answer them. */
public interface Questions {
    /** The answer to "Save your changes?". */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** @param name the document's file name, or "Untitled" */
    Unsaved unsavedChanges(String name);

    /** Whether to recover the canvas a previous run left unsaved at {@code savedAt}. */
    boolean recover(Instant savedAt, String name);
}

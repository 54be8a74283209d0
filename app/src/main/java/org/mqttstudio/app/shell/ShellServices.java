package org.mqttstudio.app.shell;

import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Window;

/**
 * What the window's file handling needs from the desktop: where to keep its state, file
 * choosers, questions to the user, a file manager and how often unsaved changes are copied to the
 * recovery file. Tests pass a temporary config folder, answer choosers and questions themselves
 * and may shorten the autosave interval.
 */
public record ShellServices(Path configFolder, FileChoosers choosers, Questions questions, FolderOpener folderOpener,
        Duration autosaveEvery) {
    /** Autosave every {@value FileActions#AUTOSAVE_SECONDS} s. */
    public ShellServices(Path configFolder, FileChoosers choosers, Questions questions, FolderOpener folderOpener) {
        this(configFolder, choosers, questions, folderOpener, Duration.ofSeconds(FileActions.AUTOSAVE_SECONDS));
    }

    public ShellServices {
        if (autosaveEvery.isNegative() || autosaveEvery.isZero()) {
            throw new IllegalArgumentException("the autosave interval must be positive, not " + autosaveEvery);
        }
    }

    public static ShellServices system(Window owner) {
        return new ShellServices(ConfigFolder.locate(), new SystemFileChoosers(), new DialogQuestions(owner),
                FolderOpener.system());
    }
}

package org.mqttstudio.app.shell;

import java.nio.file.Path;
import javafx.stage.Window;

/**
 * What the window's file handling needs from the desktop: where to keep its state, file
 * choosers, questions to the user and a file manager. Tests pass a temporary config folder and
 * answer choosers and questions themselves.
 */
public record ShellServices(Path configFolder, FileChoosers choosers, Questions questions, FolderOpener folderOpener) {
    public static ShellServices system(Window owner) {
        return new ShellServices(ConfigFolder.locate(), new SystemFileChoosers(), new DialogQuestions(owner),
                FolderOpener.system());
    }
}

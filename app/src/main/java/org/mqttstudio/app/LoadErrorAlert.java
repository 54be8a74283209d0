package org.mqttstudio.app;

import javafx.stage.Window;
import org.mqttstudio.app.dialogs.ErrorDialog;

/** Tells the user a file could not be opened: its one-line reason, never a stack trace. */
public final class LoadErrorAlert {
    private LoadErrorAlert() {
    }

    /** Shows the alert without blocking; the window stays usable behind it. */
    public static void show(Window owner, String message) {
        ErrorDialog.show(owner, "load-error", "Cannot open topology",
                "The file could not be opened; the topology shown is unchanged.", message);
    }
}

package org.mqttstudio.app.dialogs;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Tells the user an action failed: its one-line reason (file, line, what), never a stack trace. */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    /** Shows the alert without blocking; the window stays usable behind it. */
    public static void show(Window owner, String id, String title, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}

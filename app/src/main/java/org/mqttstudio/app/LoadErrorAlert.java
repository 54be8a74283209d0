package org.mqttstudio.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Tells the user a file could not be opened: its one-line reason, never a stack trace. */
public final class LoadErrorAlert {
    private LoadErrorAlert() {
    }

    /** Shows the alert without blocking; the window stays usable behind it. */
    public static void show(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setTitle("Cannot open topology");
        alert.setHeaderText("The file could not be opened; the topology shown is unchanged.");
        alert.getDialogPane().setId("load-error");
        alert.show();
    }
}

package org.mqttstudio.app.properties;

import javafx.scene.control.Label;

/** The line under a field that says why its value is invalid; hidden while there is nothing to say. */
final class FieldMessage {
    private FieldMessage() {
    }

    static Label label() {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        show(label, null);
        return label;
    }

    static void show(Label label, String reason) {
        label.setText(reason == null ? "" : reason);
        label.setVisible(reason != null);
        label.setManaged(reason != null);
    }
}

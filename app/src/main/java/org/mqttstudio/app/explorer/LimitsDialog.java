package org.mqttstudio.app.explorer;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mqttstudio.explorer.HistoryLimits;

/**
 * "History limits…": messages kept per topic and in all. A bad number is said under the fields and keeps the dialog
 * open. The new bounds apply to the open connections at once (their oldest messages past them go) and to new ones.
 */
final class LimitsDialog {
    private LimitsDialog() {
    }

    static Optional<HistoryLimits> ask(Window owner, HistoryLimits current, String savedIn) {
        TextField perTopic = field("limits-per-topic", current.perTopic());
        TextField total = field("limits-total", current.total());
        Label problem = new Label();
        problem.setId("limits-problem");
        problem.getStyleClass().add("field-error");
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Messages kept per topic"), perTopic);
        fields.addRow(1, new Label("Messages kept in all"), total);
        Label note = new Label("Applies to the open connections now (the oldest messages past the limits go) and to"
                + " new ones.\nSaved in " + savedIn + ".");

        Dialog<HistoryLimits> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("History limits");
        dialog.getDialogPane().setContent(new VBox(8, fields, note, problem));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                read(current, perTopic, total);
            } catch (IllegalArgumentException bad) {
                problem.setText(bad.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? read(current, perTopic, total) : null);
        return dialog.showAndWait();
    }

    private static TextField field(String id, int value) {
        TextField field = new TextField(Integer.toString(value));
        field.setId(id);
        field.setPrefColumnCount(9);
        return field;
    }

    private static HistoryLimits read(HistoryLimits current, TextField perTopic, TextField total) {
        return current.withHistoryOf(new HistoryLimits(number("messages kept per topic", perTopic),
                number("messages kept in all", total), current.topics()));
    }

    private static int number(String name, TextField field) {
        String text = field.getText().strip().replace(",", "").replace("_", "").replace(" ", "");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a whole number, not '" + field.getText().strip() + "'");
        }
    }
}

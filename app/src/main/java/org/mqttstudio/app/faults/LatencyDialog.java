package org.mqttstudio.app.faults;

import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Add latency…" with a number of the user's own: milliseconds, checked as they are typed; OK only takes a valid
 * one, and the line under the field says what is wrong.
 */
final class LatencyDialog {
    /** A minute: more would look like a cut, which has its own item. */
    static final int MAX_MS = 60_000;

    private LatencyDialog() {
    }

    /** Asks for a latency for {@code linkName}'s link; empty when cancelled. */
    static Optional<Duration> ask(Window owner, String linkName, Duration current) {
        Dialog<Duration> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add latency");
        dialog.setHeaderText("Delay every packet on " + linkName + "'s link, both ways, by:");
        TextField field = new TextField(current.isZero() ? "" : Long.toString(current.toMillis()));
        field.setId("latency-ms");
        field.setPromptText("milliseconds, e.g. 750");
        Label problem = new Label();
        problem.setId("latency-problem");
        problem.getStyleClass().add("latency-problem");
        dialog.getDialogPane().setId("latency-dialog");
        dialog.getDialogPane().setContent(new VBox(6, field, problem));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = problem(field.getText());
            problem.setText(why);
            ok.setDisable(!why.isEmpty());
        };
        field.textProperty().addListener((o, old, text) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == ButtonType.OK ? parse(field.getText()) : null);
        field.requestFocus();
        return dialog.showAndWait();
    }

    /** What is wrong with {@code text} as a latency, empty when nothing is. */
    static String problem(String text) {
        String plain = text.strip();
        if (plain.isEmpty()) {
            return "Type the latency in milliseconds (1 to " + MAX_MS + ").";
        }
        try {
            long ms = Long.parseLong(plain);
            return ms >= 1 && ms <= MAX_MS ? ""
                    : "The latency must be from 1 to " + MAX_MS + " ms, not " + ms + " (Remove latency takes it away).";
        } catch (NumberFormatException e) {
            return "'" + plain + "' is not a whole number of milliseconds.";
        }
    }

    /** The latency {@code text} gives; only for a text without a {@link #problem}. */
    static Duration parse(String text) {
        if (!problem(text).isEmpty()) {
            throw new IllegalArgumentException(problem(text));
        }
        return Duration.ofMillis(Long.parseLong(text.strip()));
    }
}

package org.mqttstudio.app.properties;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.topology.User;

/**
 * Asks for a user's password (and name, for a new user) and returns only its mosquitto
 * {@code $7$} hash: the plain password never leaves the dialog.
 */
final class PasswordDialog {
    /** A user name and the hash of the password typed for it. */
    record Result(String name, String hash) {
        User user() {
            return new User(name, hash);
        }
    }

    private PasswordDialog() {
    }

    /**
     * @param userName the user whose password is set, or null to ask for a new user's name too
     * @param taken names a new user may not have
     */
    static Optional<Result> ask(Window owner, String userName, List<String> taken) {
        Dialog<Result> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(userName == null ? "Add user" : "Set password");
        dialog.setHeaderText(userName == null ? "New broker user" : "New password for " + userName);
        dialog.getDialogPane().setId("password-dialog");
        ButtonType ok = new ButtonType(userName == null ? "Add" : "Set", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);

        TextField name = new TextField(userName == null ? "" : userName);
        name.setId("password-user");
        name.setDisable(userName != null);
        PasswordField password = new PasswordField();
        password.setId("password-1");
        PasswordField repeat = new PasswordField();
        repeat.setId("password-2");
        Label problem = new Label();
        problem.setId("password-problem");
        problem.getStyleClass().add("field-error");
        StringBinding reason = Bindings.createStringBinding(
                () -> problem(userName == null ? name.getText() : null, password.getText(), repeat.getText(), taken),
                name.textProperty(), password.textProperty(), repeat.textProperty());
        problem.textProperty().bind(reason);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(reason.isNotEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("User"), name);
        grid.addRow(1, new Label("Password"), password);
        grid.addRow(2, new Label("Repeat"), repeat);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.setResultConverter(button -> button == ok
                ? new Result(name.getText().trim(), PasswordHash.hash(password.getText())) : null);
        Platform.runLater(() -> (userName == null ? name : password).requestFocus());
        Optional<Result> result = dialog.showAndWait();
        password.clear();
        repeat.clear();
        return result;
    }

    private static String problem(String newName, String password, String repeat, List<String> taken) {
        if (newName != null) {
            String n = newName.trim();
            if (n.isEmpty()) {
                return "Enter the user's name.";
            }
            if (n.contains(":") || n.chars().anyMatch(Character::isWhitespace)) {
                return "A user name must not contain ':' or spaces.";
            }
            if (taken.contains(n)) {
                return "There is already a user '" + n + "'.";
            }
        }
        if (password.isEmpty()) {
            return "Enter a password.";
        }
        if (!password.equals(repeat)) {
            return "The two passwords differ.";
        }
        return "";
    }
}

package org.mqttstudio.app.explorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.explorer.ProfileStore;

/**
 * "Connect to broker…": a saved connection to start from, the form, and "save this connection". A field's problem
 * is shown under the form and keeps the dialog open.
 */
final class ConnectDialog {
    private final ProfileStore store;
    private final Consumer<String> errors;

    ConnectDialog(ProfileStore store, Consumer<String> errors) {
        this.store = store;
        this.errors = errors;
    }

    Optional<ConnectionProfile> ask(Window owner, ConnectionProfile initial) {
        List<ConnectionProfile> saved = load();
        ConnectForm form = new ConnectForm(initial);
        ChoiceBox<ConnectionProfile> profiles = new ChoiceBox<>(FXCollections.observableArrayList(saved));
        profiles.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectionProfile p) {
                return p == null ? "" : p.name() + " (" + p.address() + ")";
            }

            @Override
            public ConnectionProfile fromString(String s) {
                return null;
            }
        });
        profiles.valueProperty().addListener((o, old, p) -> {
            if (p != null) {
                form.fill(p);
            }
        });
        CheckBox save = new CheckBox("Save this connection");
        save.setId("connect-save");
        Label problem = new Label();
        problem.setId("connect-problem");
        problem.getStyleClass().add("field-error");

        Dialog<ConnectionProfile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to broker");
        dialog.getDialogPane().setContent(new VBox(8, new HBox(8, new Label("Saved connections"), profiles),
                form.node(), save, problem));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                form.profile();
            } catch (IllegalArgumentException bad) {
                problem.setText(bad.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? form.profile() : null);
        Optional<ConnectionProfile> chosen = dialog.showAndWait();
        chosen.filter(p -> save.isSelected()).ifPresent(p -> remember(saved, p));
        return chosen;
    }

    private List<ConnectionProfile> load() {
        try {
            return store.load();
        } catch (IOException e) {
            errors.accept(e.getMessage());
            return List.of();
        }
    }

    private void remember(List<ConnectionProfile> saved, ConnectionProfile profile) {
        List<ConnectionProfile> all = new ArrayList<>(saved);
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        try {
            store.save(all);
        } catch (IOException e) {
            errors.accept("could not save the connection in " + store.file() + ": " + e.getMessage());
        }
    }
}

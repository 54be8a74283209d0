package org.mqttstudio.app.properties;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A text field (or a {@link javafx.scene.control.PasswordField}, which masks what it shows) for
 * one value: validated as the user types (an invalid text gets the {@code :invalid} pseudo-class
 * and its reason is reported), committed on Enter or when focus leaves, so typing a word is one
 * edit; Escape puts the model's value back. An invalid text is never committed.
 */
final class TextEditor<T> {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TextField field;
    private final Parser<T> parser;
    private final Function<T, String> format;
    private final Function<T, Optional<String>> commit;
    private final Consumer<String> problems;
    private T shown;

    /**
     * @param field the control to drive, new and empty
     * @param commit writes a valid value to the model; returns the model's reason if it refuses it
     * @param problems told the reason the text is invalid, or null once it is valid again
     */
    TextEditor(TextField field, Parser<T> parser, Function<T, String> format, Function<T, Optional<String>> commit,
            Consumer<String> problems) {
        this.field = field;
        this.parser = parser;
        this.format = format;
        this.commit = commit;
        this.problems = problems;
        field.getStyleClass().add("property-field");
        field.textProperty().addListener((o, old, text) -> validate(text));
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show(shown);
                e.consume();
            }
        });
    }

    TextField field() {
        return field;
    }

    /** Shows the model's value (after any edit, undo or redo). */
    void show(T value) {
        shown = value;
        String text = format.apply(value);
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
        validate(field.getText());
    }

    private Optional<String> problem(String text) {
        try {
            parser.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void validate(String text) {
        report(problem(text).orElse(null));
    }

    private void report(String reason) {
        field.pseudoClassStateChanged(INVALID, reason != null);
        field.setTooltip(reason == null ? null : new Tooltip(reason));
        problems.accept(reason);
    }

    private void commit() {
        String text = field.getText();
        if (text.equals(format.apply(shown)) || problem(text).isPresent()) {
            return;
        }
        T value = parser.parse(text);
        if (Objects.equals(value, shown)) {
            return;
        }
        commit.apply(value).ifPresent(this::report);
    }
}

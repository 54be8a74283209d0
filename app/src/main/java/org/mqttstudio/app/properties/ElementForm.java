package org.mqttstudio.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.edit.Edit;
import org.mqttstudio.topology.Topology;

/**
 * The form for one element: a grid of labelled editors, each bound to one field of the element's
 * record. A valid change is one {@link Document#execute} that replaces the element; the record's
 * constructor has the last word, and its refusal is shown in place like any invalid text.
 * Control ids are {@code prop-<key>} so tests and people's scripts can find them.
 */
abstract class ElementForm<E extends Record> {
    private final Document document;
    private final String elementId;
    private final Function<Topology, Optional<E>> find;
    private final BiFunction<Topology, E, Topology> replace;
    private final GridPane grid = new GridPane();
    private final List<Consumer<E>> refreshers = new ArrayList<>();
    private int row;

    ElementForm(Document document, String elementId, Function<Topology, Optional<E>> find,
            BiFunction<Topology, E, Topology> replace) {
        this.document = document;
        this.elementId = elementId;
        this.find = find;
        this.replace = replace;
        grid.getStyleClass().add("property-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, editors);
    }

    /** The element kind as the sheet's header names it, e.g. "Broker". */
    abstract String kind();

    Node view() {
        return grid;
    }

    String elementId() {
        return elementId;
    }

    /** Shows the element's values in {@code t}; false when the element is not in {@code t}. */
    boolean refresh(Topology t) {
        Optional<E> element = find.apply(t);
        element.ifPresent(e -> refreshers.forEach(r -> r.accept(e)));
        return element.isPresent();
    }

    /** The element as the model has it now. */
    E current() {
        return find.apply(document.topology()).orElseThrow();
    }

    Window owner() {
        return grid.getScene() == null ? null : grid.getScene().getWindow();
    }

    /** Applies {@code change} to the element as one undo step; the model's reason if it refuses. */
    Optional<String> change(String field, UnaryOperator<E> change) {
        try {
            change.apply(current());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String name = document.topology().nameOf(elementId);
        document.execute(Edit.of("Change " + field + " of " + name,
                t -> find.apply(t).map(e -> replace.apply(t, change.apply(e))).orElse(t)));
        return Optional.empty();
    }

    void onRefresh(Consumer<E> refresher) {
        refreshers.add(refresher);
    }

    void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("property-section");
        grid.add(label, 0, row++, 2, 1);
    }

    void info(String key, String label, Function<E, String> text) {
        Label value = new Label();
        value.setId("prop-" + key);
        value.getStyleClass().add("property-info");
        value.setWrapText(true);
        onRefresh(e -> value.setText(text.apply(e)));
        field(label, value);
    }

    TextField text(String key, String label, Parser<String> parser, Function<E, String> read,
            BiFunction<E, String, E> write) {
        return text(key, label, parser, ElementForm::orEmpty, read, write);
    }

    <T> TextField text(String key, String label, Parser<T> parser, Function<T, String> format, Function<E, T> read,
            BiFunction<E, T, E> write) {
        return textIn(new TextField(), key, label, parser, format, read, write);
    }

    /**
     * A text field that masks what it shows, e.g. a password the model must keep in clear (mosquitto's
     * bridge configuration needs it so). Any text is valid; empty means not set (null).
     */
    void secret(String key, String label, Function<E, String> read, BiFunction<E, String, E> write) {
        textIn(new PasswordField(), key, label, Parsers.optional(), ElementForm::orEmpty, read, write);
    }

    private <T> TextField textIn(TextField field, String key, String label, Parser<T> parser,
            Function<T, String> format, Function<E, T> read, BiFunction<E, T, E> write) {
        Label message = FieldMessage.label();
        TextEditor<T> editor = new TextEditor<>(field, parser, format,
                value -> change(what(label), e -> write.apply(e, value)),
                reason -> FieldMessage.show(message, reason));
        field.setId("prop-" + key);
        onRefresh(e -> editor.show(read.apply(e)));
        field(label, new VBox(2, field, message));
        return field;
    }

    void toggle(String key, String label, Function<E, Boolean> read, BiFunction<E, Boolean, E> write) {
        ToggleEditor editor = new ToggleEditor();
        editor.toggle().setId("prop-" + key);
        Label message = FieldMessage.label();
        editor.onChange(value -> FieldMessage.show(message,
                change(what(label), e -> write.apply(e, value)).orElse(null)));
        onRefresh(e -> editor.show(read.apply(e)));
        field(label, new VBox(2, editor.toggle(), message));
    }

    <T> void choice(String key, String label, List<T> options, Function<T, String> names, Function<E, T> read,
            BiFunction<E, T, E> write) {
        ChoiceEditor<T> editor = new ChoiceEditor<>(options, names);
        editor.box().setId("prop-" + key);
        Label message = FieldMessage.label();
        editor.onChange(value -> FieldMessage.show(message,
                change(what(label), e -> write.apply(e, value)).orElse(null)));
        onRefresh(e -> editor.show(read.apply(e)));
        field(label, new VBox(2, editor.box(), message));
    }

    <R> void rows(String key, String label, List<Column<R>> columns, String addText, Supplier<Optional<R>> newRow,
            Function<E, List<R>> read, BiFunction<E, List<R>, E> write) {
        RowsEditor<R> editor = new RowsEditor<>("prop-" + key, columns, addText, newRow,
                rows -> change(what(label), e -> write.apply(e, rows)));
        onRefresh(e -> editor.show(read.apply(e)));
        Label title = new Label(label);
        title.getStyleClass().add("property-label");
        grid.add(title, 0, row++, 2, 1);
        grid.add(editor.node(), 0, row++, 2, 1);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String what(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    /** Adds a labelled control that is not bound to a field (e.g. a preview). */
    void field(String label, Node editor) {
        Label title = new Label(label);
        title.getStyleClass().add("property-label");
        GridPane.setValignment(title, VPos.TOP);
        GridPane.setHalignment(title, HPos.LEFT);
        GridPane.setHgrow(editor, Priority.ALWAYS);
        grid.add(title, 0, row);
        grid.add(editor, 1, row++);
    }
}

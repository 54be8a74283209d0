package org.mqttstudio.app.properties;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;

/** A drop-down of fixed options; a choice the user makes (not a refresh) is reported at once. */
final class ChoiceEditor<T> {
    private final ComboBox<T> box = new ComboBox<>();
    private Consumer<T> onChange = value -> { };
    private boolean refreshing;

    ChoiceEditor(List<T> options, Function<T, String> names) {
        box.getItems().setAll(options);
        box.setConverter(Column.converter(options, names));
        box.getStyleClass().add("property-choice");
        box.setMinWidth(Region.USE_PREF_SIZE); // never so narrow that the value disappears
        box.valueProperty().addListener((o, old, value) -> {
            if (!refreshing && value != null && !Objects.equals(old, value)) {
                onChange.accept(value);
            }
        });
    }

    ComboBox<T> box() {
        return box;
    }

    void onChange(Consumer<T> action) {
        onChange = action;
    }

    void show(T value) {
        refreshing = true;
        try {
            box.setValue(value);
        } finally {
            refreshing = false;
        }
    }
}

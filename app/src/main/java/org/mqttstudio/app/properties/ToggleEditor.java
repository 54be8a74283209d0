package org.mqttstudio.app.properties;

import java.util.function.Consumer;
import org.controlsfx.control.ToggleSwitch;

/** An on/off switch; a flip by the user (not a refresh) is reported at once. */
final class ToggleEditor {
    private final ToggleSwitch toggle = new ToggleSwitch();
    private Consumer<Boolean> onChange = value -> { };
    private boolean refreshing;

    ToggleEditor() {
        toggle.selectedProperty().addListener((o, old, selected) -> {
            if (!refreshing) {
                onChange.accept(selected);
            }
        });
    }

    ToggleSwitch toggle() {
        return toggle;
    }

    void onChange(Consumer<Boolean> action) {
        onChange = action;
    }

    void show(boolean value) {
        refreshing = true;
        try {
            toggle.setSelected(value);
        } finally {
            refreshing = false;
        }
    }
}

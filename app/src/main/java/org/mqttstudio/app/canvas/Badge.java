package org.mqttstudio.app.canvas;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import org.mqttstudio.app.findings.FindingRow;

/**
 * The checker's mark on an element: a small round sign at the top right corner of its owner,
 * red for errors, amber for warnings, with the findings' messages as tooltip. It sits outside its
 * owner's layout, so showing it never resizes the box that edges attach to.
 */
public final class Badge extends Label {
    private static final double OVERHANG = 9;
    private final Region owner;
    private FindingRow.Level level;

    Badge(Region owner) {
        getStyleClass().add("badge");
        setManaged(false);
        setVisible(false);
        this.owner = owner;
        owner.widthProperty().addListener(o -> place());
        sceneProperty().addListener(o -> place());
    }

    /** The worst level shown, or null when the element has no error or warning. */
    public FindingRow.Level level() {
        return level;
    }

    /** Shows the worst of {@code findings} (errors and warnings only), or hides the badge. */
    void show(List<FindingRow> findings) {
        List<FindingRow> shown = findings.stream().filter(f -> f.level() != FindingRow.Level.INFO).toList();
        getStyleClass().removeIf(c -> c.startsWith("badge-"));
        level = shown.stream().map(FindingRow::level).min(Enum::compareTo).orElse(null);
        setVisible(level != null);
        if (level == null) {
            setTooltip(null);
            return;
        }
        getStyleClass().add("badge-" + level.name().toLowerCase(Locale.ROOT));
        setText(String.valueOf(shown.size()));
        setTooltip(new Tooltip(String.join("\n", shown.stream().map(FindingRow::message).toList())));
        place();
    }

    /** The tooltip's text: one message per line, or empty. */
    public String messages() {
        return getTooltip() == null ? "" : getTooltip().getText();
    }

    /** Sizes (nobody lays out an unmanaged node) and pins the badge to the owner's corner. */
    private void place() {
        if (getScene() != null) {
            applyCss();
        }
        autosize();
        relocate(owner.getWidth() - getWidth() + OVERHANG, -OVERHANG);
    }
}

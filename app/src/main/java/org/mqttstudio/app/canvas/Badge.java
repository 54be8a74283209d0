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
    private FindingRow.Level level;

    Badge(Region owner) {
        getStyleClass().add("badge");
        setManaged(false);
        setVisible(false);
        owner.widthProperty().addListener(o -> place(owner));
        widthProperty().addListener(o -> place(owner));
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
        autosize();
    }

    /** The tooltip's text: one message per line, or empty. */
    public String messages() {
        return getTooltip() == null ? "" : getTooltip().getText();
    }

    private void place(Region owner) {
        autosize();
        relocate(owner.getWidth() - getWidth() + OVERHANG, -OVERHANG);
    }
}

package org.mqttstudio.app.canvas;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The canvas's right-click menus, one per kind of thing clicked, made of sections that anyone holding
 * the editor can add: the designer's own (delete, copy, properties, add here) come first, a run's
 * (stop a broker, cut a bridge) can follow. A menu is built when it opens, so every item can reflect
 * the state of that moment; sections are separated by a line, empty ones are left out.
 */
public final class ContextMenus {
    /** What was right-clicked. */
    public enum Kind {
        /** A broker, external broker, publisher or subscriber. */
        NODE,
        BRIDGE,
        /** Empty canvas. */
        CANVAS
    }

    /** Where a menu opens: the element's id (null on empty canvas) and the diagram point clicked. */
    public record Target(String elementId, Point2D point) {
    }

    /** One section's items for a target; built anew for every opening. */
    @FunctionalInterface
    public interface Section {
        List<MenuItem> items(Target target);
    }

    private final Map<Kind, List<Section>> sections = new EnumMap<>(Kind.class);

    /** Appends a section to the menus of {@code kind}. */
    public void add(Kind kind, Section section) {
        sections.computeIfAbsent(kind, k -> new ArrayList<>()).add(section);
    }

    /** The menu for a target of {@code kind}; CSS id {@code context-<kind>}. */
    public ContextMenu menu(Kind kind, Target target) {
        ContextMenu menu = new ContextMenu();
        menu.setId("context-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        for (Section section : sections.getOrDefault(kind, List.of())) {
            List<MenuItem> items = section.items(target);
            if (!items.isEmpty() && !menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().addAll(items);
        }
        return menu;
    }
}

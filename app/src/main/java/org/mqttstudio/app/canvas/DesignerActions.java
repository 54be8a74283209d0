package org.mqttstudio.app.canvas;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.Scene;

import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.edit.NodeKind;

/**
 * The designer's Edit and View menus, toolbar buttons and right-click menu sections. Menu accelerators
 * act only on key events no control consumed, so the same keys still edit text in the property sheet's
 * fields.
 */
public final class DesignerActions {
    private final TopologyCanvas canvas;
    private final CanvasEditor editor;
    private final Document document;

    /** @param showProperties puts the keyboard in the property sheet of the selected element */
    public DesignerActions(TopologyCanvas canvas, CanvasEditor editor, Document document, Runnable showProperties) {
        this.canvas = canvas;
        this.editor = editor;
        this.document = document;
        // No accelerators here: a context menu's items would take the keys over from the Edit menu's.
        ContextMenus menus = editor.contextMenus();
        menus.add(ContextMenus.Kind.NODE, target -> List.of(
                item("Properties", null, "context-properties", showProperties),
                item("Copy", null, "context-copy", editor::copySelection),
                item("Delete", null, "context-delete", editor::deleteSelection)));
        menus.add(ContextMenus.Kind.BRIDGE, target -> List.of(
                item("Properties", null, "context-properties", showProperties),
                item("Delete", null, "context-delete", editor::deleteSelection)));
        menus.add(ContextMenus.Kind.CANVAS, target -> Stream.of(NodeKind.values())
                .map(kind -> item("Add " + kind.text().toLowerCase(Locale.ROOT) + " here", null,
                        "context-add-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        () -> editor.create(kind, target.point())))
                .toList());
        menus.add(ContextMenus.Kind.CANVAS, target -> {
            MenuItem paste = item("Paste", null, "context-paste", editor::paste);
            paste.setDisable(!editor.canPaste());
            return List.of(paste, item("Select all", null, "context-select-all", editor::selectAll),
                    item("Fit to window", null, "context-fit", canvas::fit));
        });
    }

    public Menu editMenu() {
        MenuItem undo = item("Undo", "Shortcut+Z", "menu-undo", document::undo);
        undo.disableProperty().bind(document.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Y", "menu-redo", document::redo);
        redo.disableProperty().bind(document.canRedoProperty().not());
        MenuItem delete = item("Delete", "Delete", "menu-delete", editor::deleteSelection);
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> document.selection().isEmpty(),
                document.selectionProperty()));
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(),
                item("Copy", "Shortcut+C", "menu-copy", editor::copySelection),
                item("Paste", "Shortcut+V", "menu-paste", editor::paste), delete, new SeparatorMenuItem(),
                item("Select all", "Shortcut+A", "menu-select-all", editor::selectAll));
    }

    public Menu viewMenu() {
        CheckMenuItem snap = new CheckMenuItem("Snap to grid");
        snap.setId("menu-snap");
        snap.selectedProperty().bindBidirectional(editor.snapToGridProperty());
        return new Menu("View", null,
                item("Zoom in", "Shortcut+EQUALS", "menu-zoom-in", canvas::zoomIn),
                item("Zoom out", "Shortcut+MINUS", "menu-zoom-out", canvas::zoomOut),
                item("Fit to window", "Shortcut+0", "menu-fit", canvas::fit), new SeparatorMenuItem(), snap);
    }

    public ToolBar toolBar() {
        Button undo = button("↶", "Undo (Ctrl+Z)", "tool-undo", document::undo);
        undo.disableProperty().bind(document.canUndoProperty().not());
        Button redo = button("↷", "Redo (Ctrl+Y)", "tool-redo", document::redo);
        redo.disableProperty().bind(document.canRedoProperty().not());
        ToggleButton snap = new ToggleButton("#");
        snap.setId("tool-snap");
        snap.setTooltip(new Tooltip("Snap to grid"));
        snap.selectedProperty().bindBidirectional(editor.snapToGridProperty());
        ToolBar bar = new ToolBar(undo, redo, new Separator(),
                button("✕", "Delete the selection (Del)", "tool-delete", editor::deleteSelection), new Separator(),
                button("−", "Zoom out (Ctrl+-)", "tool-zoom-out", canvas::zoomOut),
                button("+", "Zoom in (Ctrl+=)", "tool-zoom-in", canvas::zoomIn),
                button("⤢", "Fit to window (Ctrl+0)", "tool-fit", canvas::fit), snap);
        bar.getStyleClass().add("designer-toolbar");
        return bar;
    }

    /** Redo's second shortcut, Ctrl+Shift+Z, which a menu item cannot carry next to Ctrl+Y. */
    public void installExtraShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), document::redo);
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String text, String tip, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}

package org.mqttstudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help: the keyboard shortcuts and About. The shortcut list is read from the menu bar when it opens
 * (every item with an accelerator, so menus added later are listed too), followed by the canvas's
 * gestures, which no menu carries.
 */
final class HelpMenu {
    /** The canvas's keys and mouse gestures (CanvasEditor, TopologyCanvas), as a user does them. */
    static final List<Shortcut> CANVAS_GESTURES = List.of(
            new Shortcut("Delete or Backspace", "Canvas: delete the selection"),
            new Shortcut("Escape", "Canvas: cancel a drag, move or connection"),
            new Shortcut("Shift+click", "Canvas: add to or remove from the selection"),
            new Shortcut("Drag on empty canvas", "Canvas: select with a rectangle (Shift adds)"),
            new Shortcut("Drag from a node's handle", "Canvas: bridge to a broker, or attach a client"),
            new Shortcut("Right-click", "Canvas: the actions for what is under the pointer"),
            new Shortcut("Mouse wheel", "Canvas: zoom around the pointer"),
            new Shortcut("Shift+wheel", "Canvas: scroll"),
            new Shortcut("Middle button or Space+drag", "Canvas: pan"),
            new Shortcut("Enter or Tab", "Property sheet: apply the value typed"),
            new Shortcut("Escape", "Property sheet: back to the value in the model"));

    /** A key or gesture and what it does. */
    record Shortcut(String keys, String action) {
    }

    private HelpMenu() {
    }

    static Menu create(MenuBar bar, Window owner) {
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("menu-shortcuts");
        shortcuts.setOnAction(e -> showShortcuts(owner, shortcuts(bar)));
        MenuItem about = new MenuItem("About " + StudioWindow.APP_NAME);
        about.setId("menu-about");
        about.setOnAction(e -> showAbout(owner));
        Menu help = new Menu("Help", null, shortcuts, about);
        help.setId("menu-help");
        return help;
    }

    /** Every menu item with an accelerator ("Edit ▸ Undo"), then the canvas's gestures. */
    static List<Shortcut> shortcuts(MenuBar bar) {
        List<Shortcut> list = new ArrayList<>();
        bar.getMenus().forEach(menu -> collect(menu.getText(), menu.getItems(), list));
        list.addAll(CANVAS_GESTURES);
        return list;
    }

    private static void collect(String path, List<MenuItem> items, List<Shortcut> into) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(path + " ▸ " + sub.getText(), sub.getItems(), into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " ▸ " + item.getText()));
            }
        }
    }

    /** The build's version, e.g. "0.1.0-SNAPSHOT". */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = HelpMenu.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static void showShortcuts(Window owner, List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-list");
        for (int row = 0; row < shortcuts.size(); row++) {
            Label keys = new Label(shortcuts.get(row).keys());
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(shortcuts.get(row).action());
            grid.addRow(row, keys, action);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        Alert alert = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts and mouse gestures");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("shortcuts");
        alert.show();
    }

    private static void showAbout(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About " + StudioWindow.APP_NAME);
        alert.setHeaderText(StudioWindow.APP_NAME + " " + version());
        alert.setContentText("Lay out MQTT brokers, bridges and clients, see who receives what before running, "
                + "export mosquitto files and run the topology.\n\nJava " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version"));
        alert.getDialogPane().setId("about");
        alert.show();
    }
}

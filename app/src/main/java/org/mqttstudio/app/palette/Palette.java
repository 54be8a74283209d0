package org.mqttstudio.app.palette;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.mqttstudio.app.edit.NodeKind;

/**
 * The column of things to add. Dragging an item (press, drag, release — plain mouse events, which
 * also work headless) is reported to a {@link DropTarget} with scene points; what happens there is
 * the canvas editor's business.
 */
public final class Palette extends VBox {
    /** Where palette items are dragged to. */
    public interface DropTarget {
        /** The item is being dragged over this scene point: show where it would land. */
        void hover(NodeKind kind, double sceneX, double sceneY);

        /** The item was released at this scene point; ends the hover. */
        void drop(NodeKind kind, double sceneX, double sceneY);
    }

    public Palette(DropTarget drop) {
        getStyleClass().add("palette");
        setId("palette");
        Label title = new Label("Add");
        title.getStyleClass().add("palette-title");
        getChildren().add(title);
        for (NodeKind kind : NodeKind.values()) {
            getChildren().add(item(kind, drop));
        }
        Label hint = new Label("Drag onto the canvas.\nDrag from a node's handle to connect.");
        hint.getStyleClass().add("palette-hint");
        hint.setWrapText(true);
        getChildren().add(hint);
    }

    private static HBox item(NodeKind kind, DropTarget drop) {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Region icon = new Region();
        icon.getStyleClass().addAll("palette-icon", name + "-icon");
        Label text = new Label(kind.text());
        HBox item = new HBox(8, icon, text);
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("palette-item");
        item.setId("palette-" + name);
        item.setCursor(Cursor.OPEN_HAND);
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            item.setCursor(Cursor.CLOSED_HAND);
            drop.hover(kind, e.getSceneX(), e.getSceneY());
        });
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            item.setCursor(Cursor.OPEN_HAND);
            if (e.getButton() == MouseButton.PRIMARY && !e.isStillSincePress()) {
                drop.drop(kind, e.getSceneX(), e.getSceneY());
            }
        });
        return item;
    }
}

package org.mqttstudio.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The line at the bottom: the routes through the selected client, else the editor's last message.
 * Always one line high, so long route text never pushes the panels up: several routes are joined
 * on the line and cut with an ellipsis; the tooltip has them one per line.
 */
final class StatusBar extends Label {
    static final String ROUTE_SEPARATOR = "   │   ";

    StatusBar(ObservableStringValue routeInfo, ObservableStringValue message) {
        setId("status");
        getStyleClass().add("status-bar");
        setWrapText(false);
        setTextOverrun(OverrunStyle.ELLIPSIS);
        setMinWidth(0);
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        StringBinding full = Bindings.createStringBinding(
                () -> routeInfo.get().isEmpty() ? message.get() : routeInfo.get(), routeInfo, message);
        textProperty().bind(Bindings.createStringBinding(() -> full.get().replace("\n", ROUTE_SEPARATOR), full));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(full);
        tip.setWrapText(true);
        tip.setMaxWidth(900);
        tooltipProperty().bind(Bindings.when(Bindings.createBooleanBinding(() -> full.get().isEmpty(), full))
                .then((Tooltip) null).otherwise(tip));
    }
}

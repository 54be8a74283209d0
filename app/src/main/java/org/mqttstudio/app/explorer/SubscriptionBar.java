package org.mqttstudio.app.explorer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mqttstudio.explorer.ExplorerConnection;
import org.mqttstudio.explorer.SubscribeResult;
import org.mqttstudio.mqtt.Topics;

/**
 * Subscriptions while connected: a filter and QoS to add ({@code #} by default, {@code $SYS/#} with one click),
 * the broker's answer to each in words, and Unsubscribe from the list's menu.
 */
final class SubscriptionBar {
    private final VBox box = new VBox(4);
    private final TextField filter = new TextField("#");
    private final ChoiceBox<Integer> qos = new ChoiceBox<>(FXCollections.observableArrayList(0, 1, 2));
    private final Label problem = new Label();
    private final ObservableList<SubscribeResult> results = FXCollections.observableArrayList();
    private final ListView<SubscribeResult> list = new ListView<>(results);
    private final ExplorerConnection connection;

    SubscriptionBar(ExplorerConnection connection) {
        this.connection = connection;
        filter.setId("explorer-filter");
        filter.setPromptText("filter, e.g. srv/# or +/temperature");
        HBox.setHgrow(filter, Priority.ALWAYS);
        qos.setValue(1);
        qos.setId("explorer-filter-qos");
        Button add = new Button("Subscribe");
        add.setId("explorer-subscribe");
        add.setOnAction(e -> subscribe(filter.getText()));
        filter.setOnAction(e -> subscribe(filter.getText()));
        Button sys = new Button("$SYS/#");
        sys.setId("explorer-subscribe-sys");
        sys.setOnAction(e -> subscribe("$SYS/#"));
        problem.getStyleClass().add("field-error");
        problem.setId("explorer-subscribe-problem");
        list.setId("explorer-subscriptions");
        list.setPrefHeight(72);
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SubscribeResult r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("subscription-refused");
                setText(empty || r == null ? null : r.filter() + " — " + r.describe());
                if (!empty && r != null && !r.granted()) {
                    getStyleClass().add("subscription-refused");
                }
            }
        });
        MenuItem remove = new MenuItem("Unsubscribe");
        remove.setOnAction(e -> {
            SubscribeResult selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                connection.unsubscribe(selected.filter())
                        .whenComplete((done, failure) -> Platform.runLater(() -> results.remove(selected)));
            }
        });
        list.setContextMenu(new ContextMenu(remove));
        box.getChildren().addAll(new HBox(6, new Label("Subscribe to"), filter, qos, add, sys), problem, list);
        box.setPadding(new Insets(4));
    }

    VBox node() {
        return box;
    }

    /** Subscribes off the FX thread; the answer (granted or refused, in words) joins the list. */
    void subscribe(String text) {
        String f = text == null ? "" : text.strip();
        var bad = Topics.filterProblem(f);
        if (bad.isPresent()) {
            problem.setText("filter '" + f + "': " + bad.get());
            return;
        }
        problem.setText("");
        connection.subscribe(f, qos.getValue()).whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                problem.setText(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
                return;
            }
            results.removeIf(r -> r.filter().equals(result.filter()));
            results.add(result);
        }));
    }

    ObservableList<SubscribeResult> results() {
        return FXCollections.unmodifiableObservableList(results);
    }
}

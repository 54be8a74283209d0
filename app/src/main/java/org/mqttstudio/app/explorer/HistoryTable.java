package org.mqttstudio.app.explorer;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.mqttstudio.explorer.ExplorerMessage;

/**
 * The selected topic's history, newest first, at most the session's per-topic bound: filled from the history when
 * the topic is selected, then from each frame's new messages.
 */
final class HistoryTable {
    private final TableView<ExplorerMessage> table = new TableView<>();
    private final ObservableList<ExplorerMessage> rows = FXCollections.observableArrayList();
    private int bound;
    private String topic;

    HistoryTable(int bound) {
        this.bound = bound;
        table.setId("explorer-history");
        table.setItems(rows);
        table.setPlaceholder(new javafx.scene.control.Label("Select a topic to see its messages"));
        table.getColumns().add(column("Time", 100, m -> ExplorerFormat.TIME.format(m.receivedAt())));
        table.getColumns().add(column("QoS", 40, m -> Integer.toString(m.qos())));
        table.getColumns().add(column("Retain", 55, m -> m.retain() ? "yes" : ""));
        table.getColumns().add(column("Size", 55, m -> Integer.toString(m.size())));
        TableColumn<ExplorerMessage, String> payload = column("Payload", 320, m -> ExplorerFormat.preview(m, 200));
        table.getColumns().add(payload);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<ExplorerMessage, String> column(String title, double width,
            Function<ExplorerMessage, String> text) {
        TableColumn<ExplorerMessage, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        return column;
    }

    TableView<ExplorerMessage> node() {
        return table;
    }

    ReadOnlyObjectProperty<ExplorerMessage> selected() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** Shows a topic's kept history (oldest first as given). */
    void show(String newTopic, List<ExplorerMessage> history) {
        topic = newTopic;
        rows.setAll(newestFirst(history));
        if (!rows.isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    /** Adds a frame's new messages that belong to the shown topic. */
    void append(List<ExplorerMessage> fresh) {
        if (topic == null) {
            return;
        }
        List<ExplorerMessage> mine = fresh.stream().filter(m -> m.topic().equals(topic)).toList();
        if (mine.isEmpty()) {
            return;
        }
        rows.addAll(0, newestFirst(mine));
        if (rows.size() > bound) {
            rows.remove(bound, rows.size());
        }
    }

    private static List<ExplorerMessage> newestFirst(List<ExplorerMessage> oldestFirst) {
        List<ExplorerMessage> list = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(list);
        return list;
    }

    /** Shows at most {@code newBound} rows from now on (the newest). */
    void bound(int newBound) {
        bound = newBound;
        if (rows.size() > bound) {
            rows.remove(bound, rows.size());
        }
    }

    String topic() {
        return topic;
    }

    List<ExplorerMessage> rows() {
        return List.copyOf(rows);
    }
}

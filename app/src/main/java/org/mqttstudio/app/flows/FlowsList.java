package org.mqttstudio.app.flows;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The recent message flows of a run, newest first, at most {@link #MAX_ROWS}: a flow's row is replaced in place as
 * its snapshot grows (the selection stays on it), and the oldest rows go beyond the bound.
 */
public final class FlowsList extends TableView<FlowRow> {
    public static final int MAX_ROWS = 2_000;
    private static final PseudoClass INCOMPLETE = PseudoClass.getPseudoClass("incomplete");

    private final ObservableList<FlowRow> rows = FXCollections.observableArrayList();

    public FlowsList() {
        setItems(rows);
        getStyleClass().add("flows-list");
        setPlaceholder(new Label("No messages yet: flows appear here while a run is on."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                column("Time", FlowRow::time, 100),
                column("Publisher", FlowRow::publisher, 150),
                column("Topic", FlowRow::topic, 160),
                column("QoS", FlowRow::qos, 45),
                column("Hops", FlowRow::hops, 50),
                column("Status", FlowRow::status, 90),
                column("Subscribers reached", FlowRow::reached, 220)));
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(FlowRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(INCOMPLETE, !empty && row != null && !row.complete());
            }
        });
    }

    private static <T> TableColumn<FlowRow, T> column(String title, Function<FlowRow, T> value, double width) {
        TableColumn<FlowRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /**
     * Takes one batch from the pump (FX thread): new flows go on top, known ones are replaced where they are. The
     * table drops the selection of a replaced row; it is put back on the row's newer snapshot, so a selected
     * message's diagram follows it as its packets come.
     */
    public void accept(List<FlowRow> batch) {
        FlowRow selected = getSelectionModel().getSelectedItem();
        for (FlowRow row : batch) {
            int at = indexOf(row.id());
            if (at >= 0) {
                rows.set(at, row);
            } else {
                rows.add(-at - 1, row);
            }
        }
        if (rows.size() > MAX_ROWS) {
            rows.remove(MAX_ROWS, rows.size());
        }
        if (selected != null) {
            row(selected.id()).filter(now -> getSelectionModel().getSelectedItem() != now)
                    .ifPresent(now -> getSelectionModel().select(now));
        }
    }

    /** The row of a flow, if the list keeps it. */
    public Optional<FlowRow> row(long flowId) {
        int at = indexOf(flowId);
        return at >= 0 ? Optional.of(rows.get(at)) : Optional.empty();
    }

    /** The rows kept, newest first (read-only). */
    public List<FlowRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public void clear() {
        rows.clear();
    }

    /** Binary search over the ids, which fall from top to bottom; as {@link java.util.Collections#binarySearch}. */
    private int indexOf(long id) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long there = rows.get(mid).id();
            if (there == id) {
                return mid;
            }
            if (there > id) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}

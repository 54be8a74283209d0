package org.mqttstudio.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A small table of rows (bridge rules, users, ACL lines, subscriptions): one line of cells per
 * row, a remove button per row and an add button. Each change makes the whole new list and
 * commits it as one edit. Cells are refreshed in place while the row count stays the same, so
 * focus survives an edit of a neighbouring cell.
 */
final class RowsEditor<R> {
    private final String id;
    private final List<Column<R>> columns;
    private final Supplier<Optional<R>> newRow;
    private final Function<List<R>, Optional<String>> commit;
    private final GridPane grid = new GridPane();
    private final Label message = FieldMessage.label();
    private final VBox root;
    private final List<List<Cell<R>>> cells = new ArrayList<>();
    private List<R> rows = List.of();

    /**
     * @param newRow the row "Add" appends, or empty when the user cancelled (e.g. a dialog)
     * @param commit writes the new list; returns the model's reason if it refuses it
     */
    RowsEditor(String id, List<Column<R>> columns, String addText, Supplier<Optional<R>> newRow,
            Function<List<R>, Optional<String>> commit) {
        this.id = id;
        this.columns = List.copyOf(columns);
        this.newRow = newRow;
        this.commit = commit;
        grid.getStyleClass().add("rows-editor");
        grid.setId(id);
        Button add = new Button(addText);
        add.setId(id + "-add");
        add.getStyleClass().add("rows-add");
        add.setOnAction(e -> newRow.get().ifPresent(row -> {
            List<R> next = new ArrayList<>(rows);
            next.add(row);
            report(commit.apply(next).orElse(null));
        }));
        root = new VBox(4, grid, add, message);
    }

    Node node() {
        return root;
    }

    void show(List<R> next) {
        if (next.size() != cells.size()) {
            rebuild(next.size());
        }
        rows = List.copyOf(next);
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            cells.get(i).forEach(cell -> cell.show(row));
        }
    }

    private void rebuild(int size) {
        grid.getChildren().clear();
        cells.clear();
        for (int c = 0; c < columns.size(); c++) {
            Label header = new Label(columns.get(c).header());
            header.getStyleClass().add("rows-header");
            header.setWrapText(true); // long headers take two lines rather than widening the table
            header.setMinWidth(0);
            header.setPrefWidth(0);
            header.setMaxWidth(Double.MAX_VALUE);
            grid.add(header, c, 0);
        }
        for (int i = 0; i < size; i++) {
            int index = i;
            List<Cell<R>> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column<R> column = columns.get(c);
                String cellId = id + "-" + i + "-" + column.header().toLowerCase(Locale.ROOT).replace(' ', '-');
                Cell<R> cell = column.cell(cellId, row -> commitRow(index, row),
                        reason -> report(reason == null ? null : "Row " + (index + 1) + ": " + reason));
                line.add(cell);
                grid.add(cell.node(), c, i + 1);
            }
            Button remove = new Button("✕");
            remove.setId(id + "-" + i + "-remove");
            remove.getStyleClass().add("rows-remove");
            remove.setOnAction(e -> {
                List<R> next = new ArrayList<>(rows);
                next.remove(index);
                report(commit.apply(next).orElse(null));
            });
            grid.add(remove, columns.size(), i + 1);
            cells.add(line);
        }
    }

    private Optional<String> commitRow(int index, R row) {
        List<R> next = new ArrayList<>(rows);
        next.set(index, row);
        return commit.apply(next);
    }

    private void report(String reason) {
        FieldMessage.show(message, reason);
    }
}

package org.mqttstudio.app.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The bottom panel: problems loading the file first, then the findings about the topology shown.
 * Rows carry a style class per level ({@code finding-error}, ...) for the style sheet.
 */
public final class FindingsPanel extends BorderPane {
    private final TableView<FindingRow> table = new TableView<>();
    private final Label header = new Label();

    public FindingsPanel() {
        getStyleClass().add("findings-panel");
        setId("findings");
        header.getStyleClass().add("findings-header");
        table.getStyleClass().add("findings-table");
        table.setPlaceholder(new Label("No problems found."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new LevelRow());
        table.getColumns().setAll(List.of(
                column("Level", 80, row -> row.level().name().toLowerCase(Locale.ROOT)),
                column("Code", 140, FindingRow::code),
                column("Element", 160, row -> row.elementId() == null ? "" : row.elementId()),
                column("Message", 520, FindingRow::message),
                column("Fix", 320, FindingRow::fix)));
        setTop(header);
        setCenter(table);
        show(List.of());
    }

    /** Replaces the rows: load problems (shown first) and findings. */
    public void show(List<FindingRow> loadProblems, List<FindingRow> findings) {
        List<FindingRow> rows = new ArrayList<>(loadProblems);
        rows.addAll(findings);
        show(rows);
    }

    /** The row the user selected, or null; the window highlights its element on the canvas. */
    public ReadOnlyObjectProperty<FindingRow> selectedRow() {
        return table.getSelectionModel().selectedItemProperty();
    }

    public List<FindingRow> rows() {
        return List.copyOf(table.getItems());
    }

    private void show(List<FindingRow> rows) {
        table.getItems().setAll(rows);
        long errors = rows.stream().filter(r -> r.level() == FindingRow.Level.ERROR).count();
        long warnings = rows.stream().filter(r -> r.level() == FindingRow.Level.WARNING).count();
        header.setText(rows.isEmpty() ? "Problems" : "Problems — " + errors + " error(s), " + warnings + " warning(s)");
    }

    private static TableColumn<FindingRow, String> column(String title, double width,
            Function<FindingRow, String> text) {
        TableColumn<FindingRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TooltipCell());
        return column;
    }

    /** A row styled by its finding's level. */
    private static final class LevelRow extends TableRow<FindingRow> {
        @Override
        protected void updateItem(FindingRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(c -> c.startsWith("finding-"));
            if (!empty && item != null) {
                getStyleClass().add("finding-" + item.level().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A text cell whose full text is on hover, since messages are often wider than the column. */
    private static final class TooltipCell extends TableCell<FindingRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
        }
    }
}

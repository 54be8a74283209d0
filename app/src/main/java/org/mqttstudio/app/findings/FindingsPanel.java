package org.mqttstudio.app.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;

/**
 * The bottom panel: problems loading the file first, then the findings about the topology shown.
 * Rows carry a style class per level ({@code finding-error}, ...) for the style sheet; every cell
 * wraps its text, so a long message is read in full in the table, not in a tooltip.
 *
 * <p>The row the user chose ({@link #chosenRow()}) changes only by the user's hand or when it is
 * gone: a new set of findings after an edit keeps the chosen row selected if it is still there
 * (the same finding, or one with the same level, code and element), and never selects another.
 */
public final class FindingsPanel extends BorderPane {
    private final TableView<FindingRow> table = new TableView<>();
    private final Label header = new Label();
    private final ReadOnlyObjectWrapper<FindingRow> chosen = new ReadOnlyObjectWrapper<>();
    private boolean replacing;

    public FindingsPanel() {
        getStyleClass().add("findings-panel");
        setId("findings");
        header.getStyleClass().add("findings-header");
        table.getStyleClass().add("findings-table");
        table.setPlaceholder(new Label("No problems found."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new LevelRow());
        table.getColumns().setAll(List.of(
                column("Level", 80, 80, row -> row.level().name().toLowerCase(Locale.ROOT)),
                column("Code", 170, 150, FindingRow::code),
                column("Element", 130, 110, row -> row.elementId() == null ? "" : row.elementId()),
                column("Message", 520, 160, FindingRow::message),
                column("Fix", 320, 120, FindingRow::fix)));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (!replacing) {
                chosen.set(row);
            }
        });
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
    public ReadOnlyObjectProperty<FindingRow> chosenRow() {
        return chosen.getReadOnlyProperty();
    }

    /** Forgets the chosen row, e.g. when the user selected another element on the canvas. */
    public void clearChoice() {
        table.getSelectionModel().clearSelection();
    }

    public List<FindingRow> rows() {
        return List.copyOf(table.getItems());
    }

    private void show(List<FindingRow> rows) {
        FindingRow before = chosen.get();
        replacing = true;
        try {
            table.getItems().setAll(rows);
            FindingRow kept = before == null ? null : rows.stream().filter(before::equals).findFirst()
                    .or(() -> rows.stream().filter(r -> sameFinding(r, before)).findFirst()).orElse(null);
            if (kept == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(kept);
            }
            chosen.set(kept);
        } finally {
            replacing = false;
        }
        long errors = rows.stream().filter(r -> r.level() == FindingRow.Level.ERROR).count();
        long warnings = rows.stream().filter(r -> r.level() == FindingRow.Level.WARNING).count();
        header.setText(rows.isEmpty() ? "Problems" : "Problems — " + errors + " error(s), " + warnings + " warning(s)");
    }

    /** The same finding with, say, a port in its message changed by the edit. */
    private static boolean sameFinding(FindingRow a, FindingRow b) {
        return a.level() == b.level() && a.code().equals(b.code()) && Objects.equals(a.elementId(), b.elementId());
    }

    /** @param minWidth what a typical value needs unbroken ("warning", "subscription-unreached") */
    private static TableColumn<FindingRow, String> column(String title, double width, double minWidth,
            Function<FindingRow, String> text) {
        TableColumn<FindingRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new WrappingCell());
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

    /** A cell whose text wraps at the column's width: the row grows instead of cutting the text. */
    private static final class WrappingCell extends TableCell<FindingRow, String> {
        /** Modena's cell padding on both sides, plus a little air. */
        private static final double CELL_PADDING = 10;
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("finding-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(CELL_PADDING));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
        }
    }
}

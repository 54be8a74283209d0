package org.mqttstudio.app.tracepanel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.mqttstudio.trace.PacketType;

/**
 * The packet trace panel: a bounded table of packets (the latest {@code capacity}, oldest dropped) with filters by node,
 * client, packet type, topic (text or MQTT filter) and free text that apply to the kept rows and to arrivals; follow
 * the tail or pause (arrivals are kept and counted); clear; export what is shown or everything; and the selected
 * packet's details. Rows come in batches from {@link #accept}, on the FX thread, already formatted.
 */
public final class PacketTable extends BorderPane {
    /** The default number of rows kept. */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** The table changes at most this often (see {@link #accept}). */
    private static final long REFRESH_MILLIS = 100;
    private static final double ROW_HEIGHT = 20;
    /** About a hex dump line (16 bytes and their ASCII). */
    private static final double DETAILS_MIN_WIDTH = 380;

    /** Asks where to save an export: suggested file name, the format; empty when cancelled. */
    public interface SaveChooser extends BiFunction<String, TraceExport, Optional<Path>> {
    }

    /** What to export. */
    public enum Scope { SHOWN, ALL }

    private final TraceBuffer buffer;
    private final TableView<TraceRow> table = new TableView<>();
    private final PacketDetails details = new PacketDetails();
    private final ObservableList<String> nodeChoices = FXCollections.observableArrayList();
    private final ObservableList<String> clientChoices = FXCollections.observableArrayList();
    private final Set<String> seenNodes = new HashSet<>();
    private final Set<String> seenClients = new HashSet<>();
    private final CheckComboBox<String> nodes = new CheckComboBox<>(nodeChoices);
    private final CheckComboBox<String> clients = new CheckComboBox<>(clientChoices);
    private final CheckComboBox<PacketType> types =
            new CheckComboBox<>(FXCollections.observableArrayList(PacketType.values()));
    private final TextField topic = new TextField();
    private final TextField text = new TextField();
    private final ToggleButton follow = new ToggleButton("Follow");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final SaveChooser saveChooser;
    private final Consumer<String> messages;
    /** Rows taken but not in the table yet (see {@link #accept}). */
    private final List<TraceRow> waiting = new ArrayList<>();
    private final PauseTransition refreshLater = new PauseTransition();
    private long lastRefresh;
    /** True while {@link #setFilter} sets the controls: one refilter at the end, not one per control. */
    private boolean settingControls;

    /**
     * @param capacity    rows kept at most
     * @param saveChooser asks where an export goes
     * @param messages    told one line about an export (written, or why not)
     */
    public PacketTable(int capacity, SaveChooser saveChooser, Consumer<String> messages) {
        this.buffer = new TraceBuffer(capacity);
        this.saveChooser = saveChooser;
        this.messages = messages;
        getStyleClass().add("packet-table");
        setId("packet-table");
        buildTable();
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        details.setMinWidth(DETAILS_MIN_WIDTH);
        SplitPane.setResizableWithParent(details, false);
        setTop(filterBar());
        setCenter(split);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> details.show(row));
        // a packet the user picks stays in view: following the tail would scroll it away at once
        table.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> follow.setSelected(false));
        refreshLater.setOnFinished(e -> refresh());
    }

    private void buildTable() {
        table.setId("packet-rows");
        table.setItems(buffer.shown());
        // one height for every row: the table need not measure cells as they scroll by (a large share of a refresh)
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No packets yet: press Run (Run ▸ Run) to see every MQTT packet here."));
        table.getColumns().setAll(List.of(
                column("time ms", TraceRow::time, 76), column("node", TraceRow::node, 110),
                column("dir", TraceRow::direction, 44), column("client id", TraceRow::clientId, 150),
                column("type", TraceRow::type, 96), column("id", TraceRow::packetId, 52),
                column("QoS", TraceRow::qos, 40), column("flags", TraceRow::flags, 70),
                column("topic", TraceRow::topic, 170), column("payload", TraceRow::payload, 230),
                column("size", TraceRow::size, 52)));
        table.setRowFactory(t -> new TableRow<>() {
            private PseudoClass shownType;

            // a pseudo-class, not a style class: changing it re-applies the row's styles without a new style lookup,
            // which at tens of thousands of rows a second is most of a frame's CSS work
            @Override
            protected void updateItem(TraceRow row, boolean empty) {
                super.updateItem(row, empty);
                PseudoClass next = empty || row == null ? null : PseudoClass.getPseudoClass(row.typeClass());
                if (next != shownType) {
                    if (shownType != null) {
                        pseudoClassStateChanged(shownType, false);
                    }
                    if (next != null) {
                        pseudoClassStateChanged(next, true);
                    }
                    shownType = next;
                }
            }
        });
    }

    private static TableColumn<TraceRow, String> column(String title, Function<TraceRow, String> value, double width) {
        TableColumn<TraceRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false); // the table is in arrival order; sorting a live list would break the tail
        return column;
    }

    private FlowPane filterBar() {
        nodes.setTitle("Nodes");
        nodes.setId("filter-nodes");
        clients.setTitle("Clients");
        clients.setId("filter-clients");
        types.setTitle("Types");
        types.setId("filter-types");
        topic.setPromptText("topic or filter (srv/#)");
        topic.setId("filter-topic");
        text.setPromptText("search");
        text.setId("filter-text");
        follow.setId("trace-follow");
        follow.setSelected(true);
        pause.setId("trace-pause");
        Button clear = new Button("Clear");
        clear.setId("trace-clear");
        clear.setOnAction(e -> clear());
        Button noFilter = new Button("All");
        noFilter.setId("filter-none");
        noFilter.setOnAction(e -> setFilter(TraceFilter.NONE));
        MenuButton export = new MenuButton("Export");
        export.setId("trace-export");
        for (Scope scope : Scope.values()) {
            for (TraceExport format : TraceExport.values()) {
                MenuItem item = new MenuItem((scope == Scope.SHOWN ? "Shown rows" : "Everything kept") + " as "
                        + format.label() + "…");
                item.setOnAction(e -> exportAsked(scope, format));
                export.getItems().add(item);
            }
        }
        ListChangeListener<Object> refilter = c -> applyControls();
        nodes.getCheckModel().getCheckedItems().addListener(refilter);
        clients.getCheckModel().getCheckedItems().addListener(refilter);
        types.getCheckModel().getCheckedItems().addListener(refilter);
        topic.textProperty().addListener(o -> applyControls());
        text.textProperty().addListener(o -> applyControls());
        pause.selectedProperty().addListener((o, old, paused) -> buffer.setPaused(paused));
        follow.selectedProperty().addListener((o, old, on) -> scrollToTail());
        Label count = new Label();
        count.setId("trace-count");
        count.getStyleClass().add("trace-count");
        count.textProperty().bind(counts);
        Label unseen = new Label();
        unseen.setId("trace-unseen");
        unseen.getStyleClass().add("trace-unseen");
        // from the toggle itself: invalidation listeners run before the change listener that pauses the buffer
        unseen.textProperty().bind(Bindings.createStringBinding(() -> pause.isSelected()
                ? String.format("paused: %,d new", buffer.unseenProperty().get()) : "", buffer.unseenProperty(),
                pause.selectedProperty()));
        FlowPane bar = new FlowPane(6, 4, nodes, clients, types, topic, text, noFilter, follow, pause, clear, export,
                count, unseen);
        bar.getStyleClass().add("trace-bar");
        return bar;
    }

    private void applyControls() {
        if (settingControls) {
            return;
        }
        refresh();
        buffer.setFilter(new TraceFilter(Set.copyOf(nodes.getCheckModel().getCheckedItems()),
                Set.copyOf(clients.getCheckModel().getCheckedItems()),
                Set.copyOf(types.getCheckModel().getCheckedItems()), topic.getText(), text.getText()));
        updateCounts();
        scrollToTail();
    }

    /** Sets the filter controls (and so the filter); a node or client not seen yet becomes a choice. */
    public void setFilter(TraceFilter filter) {
        settingControls = true;
        try {
            filter.nodes().forEach(n -> choice(n, seenNodes, nodeChoices));
            filter.clients().forEach(c -> choice(c, seenClients, clientChoices));
            check(nodes, filter.nodes());
            check(clients, filter.clients());
            check(types, filter.types());
            topic.setText(filter.topic());
            text.setText(filter.text());
        } finally {
            settingControls = false;
        }
        applyControls();
    }

    private static <T> void check(CheckComboBox<T> box, Set<T> checked) {
        box.getCheckModel().clearChecks();
        checked.forEach(item -> box.getCheckModel().check(item));
    }

    public TraceFilter filter() {
        return buffer.filter();
    }

    /** Shows only the packets seen at this node (a broker), all types and topics. */
    public void showNode(String nodeName) {
        setFilter(TraceFilter.NONE.withNodes(Set.of(nodeName)));
    }

    /** Shows only the packets of this client id. */
    public void showClient(String clientId) {
        setFilter(TraceFilter.NONE.withClients(Set.of(clientId)));
    }

    /**
     * Takes one batch of new rows (FX thread). The table shows them at once when it last changed at least
     * {@code REFRESH_MILLIS} ago, else at that moment: under a flood every refresh re-styles and lays out every visible cell
     * (most of a frame's work), so refreshing at most 20 times a second leaves the frames between free to render.
     */
    public void accept(List<TraceRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        waiting.addAll(rows);
        if (waiting.size() > buffer.capacity()) { // the table would drop them at once
            waiting.subList(0, waiting.size() - buffer.capacity()).clear();
        }
        long sinceLast = System.nanoTime() - lastRefresh;
        if (sinceLast >= REFRESH_MILLIS * 1_000_000) {
            refresh();
        } else if (refreshLater.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            refreshLater.setDuration(Duration.millis(REFRESH_MILLIS - sinceLast / 1_000_000.0));
            refreshLater.playFromStart();
        }
    }

    private void refresh() {
        refreshLater.stop();
        lastRefresh = System.nanoTime();
        if (waiting.isEmpty()) {
            return;
        }
        for (TraceRow row : waiting) {
            if (!row.isGap()) {
                choice(row.node(), seenNodes, nodeChoices);
                if (!row.clientId().isEmpty()) {
                    choice(row.clientId(), seenClients, clientChoices);
                }
            }
        }
        buffer.add(waiting);
        waiting.clear();
        updateCounts();
        scrollToTail();
    }

    private static void choice(String value, Set<String> seen, ObservableList<String> choices) {
        if (seen.add(value)) {
            int at = Arrays.binarySearch(choices.toArray(String[]::new), value);
            choices.add(at < 0 ? -at - 1 : at, value);
        }
    }

    private void scrollToTail() {
        if (follow.isSelected() && !buffer.paused() && !buffer.shown().isEmpty()) {
            table.scrollTo(buffer.shown().size() - 1);
        }
    }

    private void updateCounts() {
        counts.set(String.format("%,d shown of %,d kept (at most %,d)", buffer.shown().size(), buffer.size(),
                buffer.capacity()));
    }

    /** Empties the table (a new run); the filters stay. */
    public void clear() {
        waiting.clear();
        buffer.clear();
        details.show(null);
        updateCounts();
    }

    public void setPaused(boolean paused) {
        pause.setSelected(paused);
    }

    /** The rows shown now (with the rows taken since the last refresh), read-only. */
    public List<TraceRow> shownRows() {
        refresh();
        return buffer.shown();
    }

    /** Every row kept, oldest first. */
    public List<TraceRow> allRows() {
        refresh();
        return buffer.all();
    }

    public int capacity() {
        return buffer.capacity();
    }

    public TableView<TraceRow> table() {
        return table;
    }

    /** The details pane's field list and hex dump, as shown. */
    public String detailsText() {
        return details.fieldsText();
    }

    public String hexText() {
        return details.hexText();
    }

    private void exportAsked(Scope scope, TraceExport format) {
        saveChooser.apply("trace." + format.extension(), format).ifPresent(file -> {
            try {
                int written = export(file, scope, format);
                messages.accept(String.format("wrote %,d packets to %s", written, file));
            } catch (IOException e) {
                messages.accept("cannot write " + file + ": " + e.getMessage());
            }
        });
    }

    /** Writes the shown rows (after the filters) or every kept row; returns the number of packets written. */
    public int export(Path file, Scope scope, TraceExport format) throws IOException {
        return format.write(file, scope == Scope.SHOWN ? List.copyOf(shownRows()) : allRows());
    }
}

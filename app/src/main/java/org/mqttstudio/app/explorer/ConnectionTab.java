package org.mqttstudio.app.explorer;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mqttstudio.explorer.ConnectionState;
import org.mqttstudio.explorer.ExplorerConnection;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.HistoryExport;
import org.mqttstudio.explorer.HistoryLimits;
import org.mqttstudio.explorer.SessionChanges;
import org.mqttstudio.explorer.TopicSummary;

/**
 * One connection in one tab: its state, subscriptions, topic tree with search, the selected topic's history and the
 * selected message in every view, the publish form and the chart. Once per frame (an AnimationTimer) it takes the
 * session's batch of changes and applies it; the session is bounded, so a flood only makes batches larger.
 */
final class ConnectionTab {
    private static final long REFRESH_NANOS = 1_000_000_000L;
    private static final long COUNTS_NANOS = 100_000_000L;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final ExplorerConnection connection;
    private final ExplorerServices services;
    private final Tab tab = new Tab();
    private final Label state = new Label();
    private final Label counts = new Label();
    private final TextField search = new TextField();
    private final Label searchProblem = new Label();
    private final TopicTreeView tree = new TopicTreeView();
    private final HistoryTable history;
    private final MessageDetails details = new MessageDetails();
    private final PublishForm publish;
    private final ChartPanel chart;
    private final SubscriptionBar subscriptions;
    private final AnimationTimer frames;
    private final TabPane views;
    private ConnectionState shownState;
    private long lastRefresh;
    private long lastCounts;
    private boolean countsStale;
    /**
     * The most CPU time one frame's work took on the FX thread: what this view adds to a pulse (CPU time, not the
     * wall clock, which on a shared machine also counts the time the thread waited for a core).
     */
    private long worstFrameWork;

    ConnectionTab(ExplorerConnection connection, ExplorerServices services, Consumer<String> errors) {
        this.connection = connection;
        this.services = services;
        this.history = new HistoryTable(connection.session().limits().perTopic());
        this.publish = new PublishForm(connection);
        this.chart = new ChartPanel(services, errors);
        this.subscriptions = new SubscriptionBar(connection);
        tab.setText(connection.profile().name());
        tab.setId("explorer-tab-" + connection.profile().name());
        state.setId("explorer-state");
        state.getStyleClass().add("explorer-state");
        counts.setId("explorer-counts");
        search.setId("explorer-search");
        search.setPromptText("search: text, or a filter such as +/temperature");
        search.textProperty().addListener((o, old, text) -> runSearch());
        searchProblem.getStyleClass().add("field-error");

        tree.selectedItem().addListener((o, old, item) -> showTopic(item));
        history.selected().addListener((o, old, message) ->
                details.show(message, message == null ? java.util.Optional.empty()
                        : connection.session().previous(message)));
        tree.node().setContextMenu(treeMenu(errors));

        Button exportTopic = new Button("Export topic…");
        exportTopic.setOnAction(e -> exportHistory(false, errors));
        Button exportAll = new Button("Export all…");
        exportAll.setOnAction(e -> exportHistory(true, errors));
        SplitPane messages = new SplitPane(new BorderPane(history.node(), null, null,
                new HBox(6, exportTopic, exportAll), null), details.node());
        messages.setOrientation(Orientation.VERTICAL);
        views = new TabPane(new Tab("Messages", messages), new Tab("Publish", publish.node()),
                new Tab("Chart", chart.node()));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("explorer-views");
        VBox left = new VBox(4, search, searchProblem, tree.node());
        javafx.scene.layout.VBox.setVgrow(tree.node(), javafx.scene.layout.Priority.ALWAYS);
        SplitPane body = new SplitPane(left, views);
        body.setDividerPositions(0.38);
        BorderPane root = new BorderPane(body);
        root.setTop(new VBox(state, subscriptions.node()));
        root.setBottom(counts);
        tab.setContent(root);

        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onFrame(now);
            }
        };
        frames.start();
    }

    private ContextMenu treeMenu(Consumer<String> errors) {
        MenuItem clear = new MenuItem("Clear retained message…");
        clear.setId("explorer-clear-retained");
        clear.setOnAction(e -> selectedTopic().ifPresent(topic -> {
            if (services.confirm().test("Clear the retained message of " + topic
                    + "? The broker forgets it for every client.")) {
                connection.clearRetained(topic).whenComplete((result, failure) -> Platform.runLater(() -> {
                    if (failure != null || !result.accepted()) {
                        errors.accept("clearing " + topic + ": " + (failure != null ? failure.getMessage()
                                : result.message()));
                    }
                }));
            }
        }));
        MenuItem plot = new MenuItem("Plot in chart");
        plot.setOnAction(e -> selectedTopic().ifPresent(topic -> chart.add(topic, "")));
        return new ContextMenu(clear, plot);
    }

    private java.util.Optional<String> selectedTopic() {
        TreeItem<TopicSummary> item = tree.selectedItem().get();
        return item == null || item.getValue() == null ? java.util.Optional.empty()
                : java.util.Optional.of(item.getValue().topic());
    }

    private void showTopic(TreeItem<TopicSummary> item) {
        if (item == null || item.getValue() == null) {
            return;
        }
        String topic = item.getValue().topic();
        history.show(topic, connection.session().history(topic));
    }

    private void runSearch() {
        try {
            tree.search(search.getText(), connection.session());
            searchProblem.setText("");
        } catch (IllegalArgumentException e) {
            searchProblem.setText(e.getMessage());
        }
    }

    private void exportHistory(boolean all, Consumer<String> errors) {
        List<ExplorerMessage> messages = all ? connection.session().history()
                : history.topic() == null ? List.of() : connection.session().history(history.topic());
        String base = all ? "history" : history.topic() == null ? "topic" : history.topic().replace('/', '_');
        ExplorerFiles.save(services, tab.getContent(), base + ".jsonl", file -> {
            if (file.getFileName().toString().endsWith(".csv")) {
                HistoryExport.csv(file, messages);
            } else {
                HistoryExport.jsonLines(file, messages);
            }
        }, errors);
    }

    /** One frame: the session's changes, the counts (ten times a second at most), once a second the "… ago" texts
     * and a running search. */
    void onFrame(long now) {
        long start = CPU.getCurrentThreadCpuTime();
        applyFrame(now);
        worstFrameWork = Math.max(worstFrameWork, CPU.getCurrentThreadCpuTime() - start);
    }

    private void applyFrame(long now) {
        ConnectionState current = connection.state();
        if (current != shownState) {
            shownState = current;
            state.setText(current.message());
            state.getStyleClass().removeIf(c -> c.startsWith("state-"));
            state.getStyleClass().add("state-" + current.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        SessionChanges changes = connection.session().drainChanges();
        if (!changes.isEmpty()) {
            tree.apply(changes.topics());
            history.append(changes.messages());
            chart.offer(changes.messages());
        }
        chart.draw(now);
        countsStale |= !changes.isEmpty();
        // soon after a message, at most ten times a second; NONE (the session was busy) has no counts
        if (countsStale && changes != SessionChanges.NONE && now - lastCounts > COUNTS_NANOS) {
            countsStale = false;
            lastCounts = now;
            counts.setText(changes.received() + " messages, " + connection.session().topicCount() + " topics, "
                    + connection.session().historySize() + " kept (at most " + connection.session().limits().total()
                    + ")" + (changes.droppedMessages() > 0 ? ", " + changes.droppedMessages()
                    + " not kept: the tree is full" : ""));
        }
        if (now - lastRefresh > REFRESH_NANOS && changes != SessionChanges.NONE) {
            lastRefresh = now;
            tree.refresh();
            if (!tree.searchText().isEmpty()) {
                runSearch();
            }
        }
    }

    /** New history bounds, for what this tab keeps and shows. */
    void limitHistory(HistoryLimits next) {
        connection.session().limitHistory(next);
        history.bound(next.perTopic());
        countsStale = true;
    }

    ExplorerLoad load() {
        return new ExplorerLoad(worstFrameWork(), tree.itemCount(), chart.pointsKept(), chart.pointsDrawn());
    }

    void plot(String topic) {
        views.getSelectionModel().select(2);
        chart.add(topic, "");
    }

    java.time.Duration worstFrameWork() {
        return java.time.Duration.ofNanos(worstFrameWork);
    }

    void close() {
        frames.stop();
        connection.disconnect();
    }

    Tab tab() {
        return tab;
    }

    ExplorerConnection connection() {
        return connection;
    }

    TopicTreeView tree() {
        return tree;
    }

    HistoryTable history() {
        return history;
    }

    MessageDetails details() {
        return details;
    }

    PublishForm publish() {
        return publish;
    }

    ChartPanel chart() {
        return chart;
    }

    SubscriptionBar subscriptions() {
        return subscriptions;
    }
}

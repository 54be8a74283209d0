package org.mqttstudio.app.deliveries;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.trace.FlowCorrelator;

/**
 * The deliveries of a run, live: per subscriber and topic what arrived, what is missing and the duplicates; per
 * publisher what it sent; and each subscriber's latest messages, which open their sequence diagram on a
 * double-click. The figures are the runner's own summary ({@code studio run} prints it on exit), polled a few times
 * a second by a {@link DeliveriesPump}; they stay after the run ends, until the next run is attached.
 *
 * <p>"Missing" is judged against the route table while the run goes on, so it counts copies still in flight or held
 * behind a cut link until they arrive: the view says so rather than guess which are which from arrival times.
 */
public final class DeliveriesView extends BorderPane {
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final PseudoClass DUPLICATES = PseudoClass.getPseudoClass("duplicates");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    /** How long a message not found yet is looked for again, and how often. */
    private static final Duration CORRELATION_LAG = Duration.ofSeconds(5);
    private static final javafx.util.Duration RETRY = javafx.util.Duration.millis(500);

    private final Function<LastPayload, CompletionStage<Boolean>> open;
    private final ObservableList<DeliveryTotals.TopicRow> topicRows = FXCollections.observableArrayList();
    private final ObservableList<DeliveryTotals.PublisherRow> publisherRows = FXCollections.observableArrayList();
    private final ObservableList<LastPayload> payloadRows = FXCollections.observableArrayList();
    private final TableView<DeliveryTotals.TopicRow> topics = new TableView<>(topicRows);
    private final TableView<DeliveryTotals.PublisherRow> publishers = new TableView<>(publisherRows);
    private final TableView<LastPayload> payloads = new TableView<>();
    private final Label status = new Label();
    private final Label note = new Label();
    private DeliveriesPump pump;
    /** Which attach a snapshot belongs to: a replaced pump's last one is not shown. */
    private long generation;
    private DeliveriesSnapshot shown;

    /**
     * @param open shows a message's sequence diagram; completes with whether the run still keeps its flow
     */
    public DeliveriesView(Function<LastPayload, CompletionStage<Boolean>> open) {
        this.open = Objects.requireNonNull(open, "open");
        getStyleClass().add("deliveries-view");
        status.setId("deliveries-status");
        status.getStyleClass().add("deliveries-status");
        note.setId("deliveries-note");
        note.getStyleClass().add("deliveries-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        topics.setId("delivery-topics");
        publishers.setId("delivery-publishers");
        payloads.setId("last-payloads");
        buildTopics();
        buildPublishers();
        buildPayloads();
        // new messages come in on top: the list holds still under the pointer, so a double-click hits what it aimed at
        payloads.hoverProperty().addListener((o, was, hovered) -> {
            if (!hovered && shown != null) {
                showPayloads();
            }
        });

        Label missingMeans = new Label("Missing: published, expected here by the route table, not received yet — "
                + "messages in flight or held behind a cut link count until they arrive. Duplicates: copies beyond "
                + "what the routes explain, over all the subscriber's topics.");
        missingMeans.getStyleClass().add("deliveries-footnote");
        missingMeans.setWrapText(true);
        missingMeans.setMinHeight(Region.USE_PREF_SIZE);
        VBox totals = new VBox(heading("Subscribers"), topics, heading("Publishers"), publishers, missingMeans);
        VBox.setVgrow(topics, Priority.ALWAYS);
        topics.setPrefHeight(200);
        VBox.setVgrow(publishers, Priority.ALWAYS);
        totals.getStyleClass().add("deliveries-column");
        Label openHint = new Label("Double-click a message for its sequence diagram in the Messages tab; the list holds"
                + " still while the pointer is on it.");
        openHint.getStyleClass().add("deliveries-footnote");
        openHint.setWrapText(true);
        openHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox latest = new VBox(heading("Latest messages, " + DeliveriesPump.PAYLOADS_PER_SUBSCRIBER
                + " per subscriber"), payloads, openHint, note);
        VBox.setVgrow(payloads, Priority.ALWAYS);
        latest.getStyleClass().add("deliveries-column");
        SplitPane split = new SplitPane(totals, latest);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setTop(status);
        setCenter(split);
        status.setText("No run yet: start one to count what each subscriber receives.");
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("deliveries-heading");
        return label;
    }

    private void buildTopics() {
        topics.setPlaceholder(new Label("No subscribers counted yet."));
        topics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        topics.getColumns().setAll(List.of(
                column("Subscriber", DeliveryTotals.TopicRow::subscriber, 150),
                column("Topic", DeliveryTotals.TopicRow::topic, 150),
                number("Received", DeliveryTotals.TopicRow::received, 80),
                number("Missing", DeliveryTotals.TopicRow::missing, 70),
                number("Duplicates", DeliveryTotals.TopicRow::duplicates, 90)));
        topics.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(DeliveryTotals.TopicRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean filled = !empty && row != null;
                pseudoClassStateChanged(MISSING, filled && row.missing() > 0);
                pseudoClassStateChanged(DUPLICATES, filled && row.duplicates() != null && row.duplicates() > 0);
            }
        });
    }

    private void buildPublishers() {
        publishers.setPlaceholder(new Label("No publishers."));
        publishers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        publishers.getColumns().setAll(List.of(
                column("Publisher", DeliveryTotals.PublisherRow::publisher, 150),
                column("Topic", DeliveryTotals.PublisherRow::topic, 150),
                number("Sent", DeliveryTotals.PublisherRow::sent, 70),
                number("Published", DeliveryTotals.PublisherRow::published, 80),
                number("Awaiting ack", DeliveryTotals.PublisherRow::awaitingAck, 100),
                number("Failed", DeliveryTotals.PublisherRow::failed, 60)));
        publishers.setPrefHeight(130);
    }

    private void buildPayloads() {
        SortedList<LastPayload> sorted = new SortedList<>(payloadRows);
        sorted.comparatorProperty().bind(payloads.comparatorProperty());
        payloads.setItems(sorted);
        payloads.setPlaceholder(new Label("No messages received yet."));
        payloads.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        payloads.getColumns().setAll(List.of(
                fixed("Time", LastPayload::time, 100),
                column("Subscriber", LastPayload::subscriber, 160),
                column("Topic", LastPayload::topic, 120),
                fixed("QoS", LastPayload::qos, 45),
                column("Payload", LastPayload::text, 220)));
        // the row under the pointer, not the selection: an update may replace the items between the two clicks
        payloads.setRowFactory(table -> {
            TableRow<LastPayload> row = new TableRow<>();
            row.setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && !row.isEmpty()) {
                    openDiagram(row.getItem());
                }
            });
            return row;
        });
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column of counts, right-aligned, never narrower than its title. */
    private static <S, T> TableColumn<S, T> number(String title, Function<S, T> value, double width) {
        TableColumn<S, T> column = fixed(title, value, width);
        column.getStyleClass().add("count");
        return column;
    }

    /** A column whose values have one length (a time, a count): the name columns give way first. */
    private static <S, T> TableColumn<S, T> fixed(String title, Function<S, T> value, double width) {
        TableColumn<S, T> column = column(title, value, width);
        column.setMinWidth(width);
        return column;
    }

    /**
     * Opens the message's sequence diagram, or says why it cannot. The flows are put together from the taps' packets
     * on a thread of the run's, which may lag behind the deliveries on a busy machine: a message not found is looked
     * for again for a few seconds before the view says it is no longer kept.
     */
    public void openDiagram(LastPayload message) {
        note.setText("");
        attempt(message, System.nanoTime() + CORRELATION_LAG.toNanos());
    }

    private void attempt(LastPayload message, long giveUpAt) {
        open.apply(message).whenComplete((found, error) -> {
            if (Boolean.TRUE.equals(found)) {
                note.setText("");
            } else if (error == null && System.nanoTime() < giveUpAt) {
                note.setText("Putting the packets of " + message.text() + " together…");
                PauseTransition wait = new PauseTransition(RETRY);
                wait.setOnFinished(e -> attempt(message, giveUpAt));
                wait.play();
            } else {
                note.setText("That message is no longer kept: the run keeps its latest "
                        + FlowCorrelator.DEFAULT_CAPACITY + " messages' packets.");
            }
        });
    }

    /** Counts this run from now on (FX thread, before it starts); the figures of an earlier run are cleared. */
    public void attach(TopologyRunner run) {
        detach();
        long mine = ++generation;
        show(new DeliveriesSnapshot(DeliveryTotals.NONE, List.of(), false));
        payloadRows.clear();
        note.setText("");
        pump = new DeliveriesPump(run, snapshot -> {
            if (generation == mine) {
                show(snapshot);
            }
        });
    }

    /** Stops polling; the run's last figures come once more and stay. */
    public void detach() {
        if (pump != null) {
            pump.close();
            pump = null;
        }
    }

    private void show(DeliveriesSnapshot snapshot) {
        if (shown == null || !shown.totals().topics().equals(snapshot.totals().topics())) {
            topicRows.setAll(snapshot.totals().topics());
        }
        if (shown == null || !shown.totals().publishers().equals(snapshot.totals().publishers())) {
            publisherRows.setAll(snapshot.totals().publishers());
        }
        shown = snapshot;
        if (!payloads.isHover()) {
            showPayloads();
        }
        pseudoClassStateChanged(OVER, snapshot.over());
        status.setText(snapshot.over() ? "The run is over: its last figures, until the next run."
                : "Live: updated every " + DeliveriesPump.PERIOD_MS + " ms.");
    }

    /** The latest messages as last polled; the selection stays on its message while the list keeps it. */
    private void showPayloads() {
        if (!payloadRows.equals(shown.last())) {
            LastPayload selected = payloads.getSelectionModel().getSelectedItem();
            payloadRows.setAll(shown.last());
            if (selected != null && payloadRows.contains(selected)) {
                payloads.getSelectionModel().select(selected);
            }
        }
    }

    /** The figures shown (FX thread). */
    public DeliveriesSnapshot shown() {
        return shown;
    }
}

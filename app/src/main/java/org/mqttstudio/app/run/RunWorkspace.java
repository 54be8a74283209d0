package org.mqttstudio.app.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.concurrent.CompletionStage;
import org.mqttstudio.app.deliveries.DeliveriesView;
import org.mqttstudio.app.deliveries.LastPayload;
import org.mqttstudio.app.animation.FlowAnimator;
import org.mqttstudio.app.sequence.ExportTargets;
import org.mqttstudio.app.sequence.SequenceView;
import org.mqttstudio.app.tracepanel.TraceRow;
import org.mqttstudio.trace.PacketEvent;
import javafx.scene.control.ToolBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.tracepanel.PacketTable;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;

/**
 * Everything the window needs to run its canvas: the controller, its menu, toolbar and banner, the packet trace tab
 * beside the problems panel, the canvas decorations, and double-click on a node to filter the trace to it. Opening
 * another file stops the run; so does closing the window ({@link #stopForClose}).
 */
public final class RunWorkspace {
    /** Rows the trace keeps: {@code -Dstudio.traceRows=N}, else {@link PacketTable#DEFAULT_CAPACITY}. */
    public static final String TRACE_ROWS = "studio.traceRows";
    /** Where the canvas / bottom divider goes while running: the trace gets close to half the height. */
    private static final double RUNNING_DIVIDER = 0.52;
    private static final javafx.util.Duration MESSAGE_SHOWN = javafx.util.Duration.seconds(6);

    private final TopologyCanvas canvas;
    private final PacketTable table;
    private final StatusDecorations decorations;
    private final RunController controller;
    private final RunControls controls;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Tab traceTab = new Tab("Packets");
    private final SequenceView sequences = new SequenceView(ExportTargets.system());
    private final Tab messagesTab = new Tab("Messages", sequences);
    private final DeliveriesView deliveries = new DeliveriesView(this::showDelivered);
    private final Tab deliveriesTab = new Tab("Deliveries", deliveries);
    private final TabPane bottom = new TabPane();
    private final FlowAnimator animator;

    /**
     * @param problems the run's failed elements for the problems panel
     * @param saveChooser where exports go (the system chooser, or a test's answer)
     */
    public RunWorkspace(TopologyCanvas canvas, Document document, Consumer<List<FindingRow>> problems,
            PacketTable.SaveChooser saveChooser) {
        this.canvas = canvas;
        this.table = new PacketTable(traceRows(), saveChooser, message::set);
        this.decorations = new StatusDecorations(canvas);
        this.controller = new RunController(document, table, decorations, Platform::runLater, message::set, problems);
        this.controls = new RunControls(controller);
        document.loadsProperty().addListener((o, old, n) -> controller.stop());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::doubleClicked);
        controller.onRunnerCreated(sequences::attach);
        controller.onRunnerCreated(deliveries::attach);
        controller.phaseProperty().addListener((o, old, phase) -> {
            if (phase == RunPhase.IDLE) {
                sequences.detach();
                deliveries.detach();
            }
        });
        table.table().addEventHandler(MouseEvent.MOUSE_CLICKED, this::traceRowDoubleClicked);
        // the messages as dots on the canvas, for each run from before it starts until it is over
        this.animator = new FlowAnimator(canvas);
        controller.onRunnerCreated(runner -> animator.attach(runner.flows(), runner::element, runner.topology()));
        controller.phaseProperty().addListener((o, old, phase) -> {
            if (phase == RunPhase.IDLE) {
                animator.detach();
            }
        });
    }

    /** A packet's row, double-clicked: the sequence diagram of the message it belongs to. */
    private void traceRowDoubleClicked(MouseEvent click) {
        TraceRow row = table.table().getSelectionModel().getSelectedItem();
        if (click.getClickCount() == 2 && row != null && row.event() != null) {
            showMessageOf(row.event());
        }
    }

    /** Opens the Messages tab on the sequence diagram of the message {@code packet} belongs to. */
    public void showMessageOf(PacketEvent packet) {
        sequences.showFlowOf(packet).thenAccept(found -> {
            if (found) {
                bottom.getSelectionModel().select(messagesTab);
            } else {
                message.set("No message of this run contains that packet (a CONNECT, a SUBSCRIBE, or one older"
                        + " than the flows kept).");
            }
        });
    }

    /** A subscriber's message from the deliveries view, in the Messages tab. */
    private CompletionStage<Boolean> showDelivered(LastPayload message) {
        return sequences.showFlow(message::deliveredIn).thenApply(found -> {
            if (found) {
                bottom.getSelectionModel().select(messagesTab);
            }
            return found;
        });
    }

    /** The Deliveries tab: per subscriber what arrived, what is missing, the latest messages. */
    public DeliveriesView deliveries() {
        return deliveries;
    }

    /** The run's messages as dots on the canvas. */
    public FlowAnimator animator() {
        return animator;
    }

    /** The Messages tab's list and diagram. */
    public SequenceView sequences() {
        return sequences;
    }

    /** The system's save dialog for exports. */
    public static PacketTable.SaveChooser systemSaveChooser(Window owner) {
        return (name, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the packet trace");
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }

    private static int traceRows() {
        String value = System.getProperty(TRACE_ROWS);
        if (value == null) {
            return PacketTable.DEFAULT_CAPACITY;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            System.err.println("studio: -D" + TRACE_ROWS + "=" + value + " is not a number; keeping "
                    + PacketTable.DEFAULT_CAPACITY + " rows");
            return PacketTable.DEFAULT_CAPACITY;
        }
    }

    /** The problems panel and the packet trace as tabs. */
    public TabPane bottom(Node problems) {
        Tab problemsTab = new Tab("Problems", problems);
        problemsTab.setClosable(false);
        problemsTab.setId("tab-problems");
        traceTab.setContent(table);
        traceTab.setClosable(false);
        traceTab.setId("tab-packets");
        messagesTab.setClosable(false);
        messagesTab.setId("tab-messages");
        deliveriesTab.setClosable(false);
        deliveriesTab.setId("tab-deliveries");
        bottom.getTabs().setAll(problemsTab, traceTab, messagesTab, deliveriesTab);
        bottom.setId("bottom-tabs");
        // starting a run brings the trace forward
        controller.phaseProperty().addListener((o, old, phase) -> {
            if (phase == RunPhase.STARTING) {
                showTrace();
            }
        });
        return bottom;
    }

    /**
     * Gives the trace more room when a run starts (the canvas keeps most of the window while designing) and the
     * canvas back when it stops, unless the user moved the divider meanwhile.
     */
    public void growTraceWhileRunning(SplitPane split) {
        double[] designing = {split.getDividerPositions()[0]};
        controller.phaseProperty().addListener((o, old, phase) -> {
            double now = split.getDividerPositions()[0];
            if (phase == RunPhase.STARTING && now > RUNNING_DIVIDER) {
                designing[0] = now;
                fitOnceResized();
                split.setDividerPositions(RUNNING_DIVIDER);
            } else if (phase == RunPhase.IDLE && Math.abs(now - RUNNING_DIVIDER) < 0.01) {
                fitOnceResized();
                split.setDividerPositions(designing[0]);
            }
        });
    }

    /** The whole diagram in the canvas once its new height is laid out. */
    private void fitOnceResized() {
        canvas.heightProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable height) {
                canvas.heightProperty().removeListener(this);
                canvas.fit();
            }
        });
    }

    public Menu menu() {
        Menu menu = controls.menu();
        menu.getItems().addAll(new SeparatorMenuItem(), animator.speedMenu());
        return menu;
    }

    /**
     * The run toolbar; its last label shows the run's summary while it runs, else the latest run message. A new
     * message (what a fault action did, an export written) shows over the summary for {@link #MESSAGE_SHOWN}, then
     * the summary comes back; the tooltip keeps the latest message.
     */
    public ToolBar toolBar() {
        ToolBar bar = controls.toolBar();
        Label news = new Label();
        news.setId("run-message");
        news.getStyleClass().add("run-message");
        BooleanProperty fresh = new SimpleBooleanProperty(false);
        PauseTransition fade = new PauseTransition(MESSAGE_SHOWN);
        fade.setOnFinished(e -> fresh.set(false));
        message.addListener((o, old, text) -> {
            fresh.set(!text.isEmpty());
            fade.playFromStart();
        });
        news.textProperty().bind(Bindings.when(controller.summaryProperty().isEmpty().or(fresh)).then(message)
                .otherwise(controller.summaryProperty()));
        news.tooltipProperty().set(new javafx.scene.control.Tooltip());
        news.getTooltip().textProperty().bind(message);
        bar.getItems().add(news);
        return bar;
    }

    public Node banner() {
        return controls.banner();
    }

    public RunController controller() {
        return controller;
    }

    /** Where a line for the run's message goes (the run toolbar's last label), e.g. what a fault action did. */
    public Consumer<String> messages() {
        return message::set;
    }

    public PacketTable table() {
        return table;
    }

    public StatusDecorations decorations() {
        return decorations;
    }

    public void showTrace() {
        bottom.getSelectionModel().select(traceTab);
    }

    /** Stops the run as the window closes: the stop goes on on the runner's threads until every port is free. */
    public void stopForClose() {
        controller.stop();
    }

    /** A broker's packets, or a client's, in the trace. */
    private void doubleClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) {
            return;
        }
        canvas.nodeViewAt(canvas.toWorld(e.getX(), e.getY())).map(NodeView::model).ifPresent(node -> {
            if (node instanceof Broker b) {
                table.showNode(b.name());
            } else if (node instanceof Publisher p) {
                table.showClient(p.client().clientId());
            } else if (node instanceof Subscriber s) {
                table.showClient(s.client().clientId());
            } else {
                return; // an external broker has no tap
            }
            showTrace();
        });
    }
}

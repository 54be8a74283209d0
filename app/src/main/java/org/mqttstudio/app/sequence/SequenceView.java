package org.mqttstudio.app.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.mqttstudio.app.flows.FlowPump;
import org.mqttstudio.app.flows.FlowRow;
import org.mqttstudio.app.flows.FlowsList;
import org.mqttstudio.app.flows.Participants;
import org.mqttstudio.app.flows.RunParticipants;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;

/**
 * The messages of a run: the list of recent flows above, the selected one's sequence diagram below, with PNG and
 * SVG export. {@link #attach} a run to fill the list; {@link #show} or {@link #showFlowOf} open a message from
 * elsewhere (a trace row, a delivery).
 */
public final class SequenceView extends BorderPane {
    private final ExportTargets targets;
    private final FlowsList list = new FlowsList();
    private final SequenceDiagram diagram = new SequenceDiagram();
    private final Button png = new Button("Export PNG…");
    private final Button svg = new Button("Export SVG…");
    private final Label status = new Label();
    private TopologyRunner runner;
    private Participants participants;
    private FlowPump pump;

    public SequenceView(ExportTargets targets) {
        this.targets = Objects.requireNonNull(targets, "targets");
        getStyleClass().add("sequence-view");
        png.setId("export-sequence-png");
        svg.setId("export-sequence-svg");
        png.setOnAction(e -> export("png"));
        svg.setOnAction(e -> export("svg"));
        status.getStyleClass().add("sequence-status");
        ToolBar tools = new ToolBar(png, svg, status);
        ScrollPane scroll = new ScrollPane(diagram);
        scroll.getStyleClass().add("sequence-scroll");
        SplitPane split = new SplitPane(list, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        setTop(tools);
        setCenter(split);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                draw(row.flow());
            }
        });
        showing(false);
    }

    /** Fills the list from this run's flows from now on (FX thread); the rows of an earlier run are cleared. */
    public void attach(TopologyRunner run) {
        detach();
        runner = Objects.requireNonNull(run, "run");
        participants = new RunParticipants(run);
        list.clear();
        diagram.clear();
        showing(false);
        pump = new FlowPump(run.flows(), participants, FlowsList.MAX_ROWS, list::accept);
    }

    /** Stops taking flows; what is listed stays to be looked at. */
    public void detach() {
        if (pump != null) {
            pump.close();
            pump = null;
        }
    }

    /** Shows a flow of the attached run, selecting its row when the list has it. */
    public void show(MessageFlow flow) {
        if (participants == null) {
            throw new IllegalStateException("no run attached");
        }
        Optional<FlowRow> row = list.row(flow.id());
        if (row.isPresent()) {
            list.getSelectionModel().select(row.get());
            list.scrollTo(row.get());
            draw(row.get().flow());
        } else {
            list.getSelectionModel().clearSelection();
            draw(flow);
        }
    }

    /** Shows the flow that contains this packet (a PUBLISH or a handshake packet of it), as {@link #showFlow}. */
    public CompletableFuture<Boolean> showFlowOf(PacketEvent packet) {
        return showFlow(f -> contains(f, packet));
    }

    /**
     * Shows the newest flow that matches (a packet of it, a delivery of it): from the list if it has one, else from
     * the run's kept flows, searched off the FX thread. Completes (on the FX thread) with whether one was found.
     */
    public CompletableFuture<Boolean> showFlow(Predicate<MessageFlow> wanted) {
        Optional<MessageFlow> listed = list.rows().stream().map(FlowRow::flow).filter(wanted).findFirst();
        if (listed.isPresent() || runner == null) {
            listed.ifPresent(this::show);
            return CompletableFuture.completedFuture(listed.isPresent());
        }
        TopologyRunner searched = runner;
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        // a packet belongs to one flow; should two match (a correlator's guess), the newest is the likelier
        CompletableFuture.supplyAsync(() -> searched.flows().snapshot().stream().filter(wanted)
                .reduce((first, later) -> later)).whenComplete((found, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        shown.completeExceptionally(error);
                        return;
                    }
                    found.filter(f -> searched == runner).ifPresent(this::show);
                    shown.complete(found.isPresent() && searched == runner);
                }));
        return shown;
    }

    static boolean contains(MessageFlow flow, PacketEvent packet) {
        return flow.hops().stream().anyMatch(hop -> on(hop, packet));
    }

    private static boolean on(FlowHop hop, PacketEvent packet) {
        if (!hop.node().equals(packet.node()) || hop.connectionId() != packet.connectionId()) {
            return false;
        }
        if (packet.type() == PacketType.PUBLISH && packet.direction() == hop.direction()
                && hop.published().equals(packet.time())) {
            return true;
        }
        return hop.acks().stream().anyMatch(ack -> ack.type() == packet.type()
                && ack.direction() == packet.direction() && ack.time().equals(packet.time()));
    }

    public FlowsList flows() {
        return list;
    }

    public SequenceDiagram diagram() {
        return diagram;
    }

    private void draw(MessageFlow flow) {
        SequenceLayout layout = SequenceLayout.of(flow, participants);
        diagram.show(layout);
        showing(true);
        if (Math.max(layout.width(), layout.height()) > SequenceDiagram.MAX_SIDE) {
            status.setText(String.format("Shown up to %.0f px a side of %.0f × %.0f: the SVG export has all of it.",
                    SequenceDiagram.MAX_SIDE, layout.width(), layout.height()));
        }
    }

    private void showing(boolean shown) {
        png.setDisable(!shown);
        svg.setDisable(!shown);
        status.setText(shown ? "" : "Pick a message in the list to see its packets on every hop.");
    }

    private void export(String extension) {
        SequenceLayout shown = diagram.layoutShown().orElse(null);
        if (shown == null) {
            return;
        }
        String name = "message-" + shown.flowId() + "." + extension;
        Optional<Path> target = targets.save(getScene() == null ? null : getScene().getWindow(), name, extension);
        if (target.isEmpty()) {
            return;
        }
        try {
            if (extension.equals("png")) {
                diagram.exportPng(target.get());
            } else {
                diagram.exportSvg(target.get());
            }
            status.setText("Saved " + target.get());
        } catch (IOException e) {
            status.setText("Could not write " + target.get() + ": " + e.getMessage());
        }
    }
}

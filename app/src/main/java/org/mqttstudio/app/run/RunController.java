package org.mqttstudio.app.run;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.live.LiveBatch;
import org.mqttstudio.app.tracepanel.PacketTable;
import org.mqttstudio.runtime.MosquittoBroker;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/**
 * The window's run, on the FX thread: Run snapshots the document's topology and starts a {@link RunSession}; its
 * batches fill the packet table, the canvas decorations, the problems panel (failed elements) and a summary line.
 *
 * <p>Editing while running (decided): edits are allowed and kept, but never applied to the run silently. While the
 * canvas differs from what runs (moving a box does not count), {@link #changedSinceRunProperty} is true and the window
 * shows a banner offering "Restart with changes"; the run goes on with the topology as it was at Run.
 */
public final class RunController {
    private final Document document;
    private final PacketTable table;
    private final StatusDecorations decorations;
    private final Executor fxThread;
    private final Consumer<String> messages;
    private final Consumer<List<FindingRow>> problems;
    private final ObjectProperty<RunOptions.Runtime> runtime = new SimpleObjectProperty<>(RunOptions.Runtime.EMBEDDED);
    private final IntegerProperty portOffset = new SimpleIntegerProperty();
    /** True until the user picks an offset: the offset then follows {@link PortOffsets#suggest}. */
    private final BooleanProperty autoOffset = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper offsetAdvice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>(RunPhase.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Topology> running = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding changedSinceRun;
    private final Map<String, NodeStatus> statuses = new LinkedHashMap<>();
    private RunSession session;
    private final List<Consumer<TopologyRunner>> runnerCreated = new ArrayList<>();
    private long packets;

    /**
     * @param messages one-line news for the status bar (a run that cannot start, an export written)
     * @param problems the run's failed elements, for the problems panel (empty to clear)
     */
    public RunController(Document document, PacketTable table, StatusDecorations decorations, Executor fxThread,
            Consumer<String> messages, Consumer<List<FindingRow>> problems) {
        this.document = document;
        this.table = table;
        this.decorations = decorations;
        this.fxThread = fxThread;
        this.messages = messages;
        this.problems = problems;
        changedSinceRun = Bindings.createBooleanBinding(() -> running.get() != null
                && !withoutLayout(running.get()).equals(withoutLayout(document.topology())),
                running, document.topologyProperty());
        document.topologyProperty().addListener((o, old, t) -> adviseOffset());
        autoOffset.addListener((o, old, auto) -> adviseOffset());
        adviseOffset();
    }

    /** Whether real mosquitto can run here; the reason and install command when not. */
    public static Optional<String> mosquittoMissing() {
        return MosquittoBroker.executable().isPresent() ? Optional.empty() : Optional.of(MosquittoBroker.NOT_INSTALLED);
    }

    public ObjectProperty<RunOptions.Runtime> runtimeProperty() {
        return runtime;
    }

    public IntegerProperty portOffsetProperty() {
        return portOffset;
    }

    public BooleanProperty autoOffsetProperty() {
        return autoOffset;
    }

    /** Why the offset is what it is, e.g. "1883 is in use here: offset 1000 suggested". */
    public ReadOnlyStringProperty offsetAdviceProperty() {
        return offsetAdvice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** One line about the run: runtime, offset, how many elements run, packets seen. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The topology the run uses, null when idle. */
    public ReadOnlyObjectProperty<Topology> runningTopologyProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the canvas differs from what runs (the banner's cue). */
    public BooleanBinding changedSinceRunProperty() {
        return changedSinceRun;
    }

    /** The latest status of an element of the run. */
    public Optional<NodeStatus> status(String elementId) {
        return Optional.ofNullable(statuses.get(elementId));
    }

    /** Looks at the designed ports again; with the automatic offset, sets the one that avoids taken ports. */
    public void adviseOffset() {
        Topology t = document.topology();
        if (autoOffset.get()) {
            int suggested = PortOffsets.suggest(t);
            portOffset.set(suggested);
            offsetAdvice.set(suggested == 0 ? "" : PortOffsets.firstTaken(t, 0).map(p -> "port " + p
                    + " is in use here (another broker?): offset " + suggested + " chosen").orElse(""));
        } else {
            offsetAdvice.set(PortOffsets.firstTaken(t, portOffset.get()).map(p -> "port " + p + " is in use: offset "
                    + PortOffsets.suggest(t) + " would avoid it").orElse(""));
        }
    }

    /** Starts the document's topology as it is now; a run in progress is stopped first. */
    public void run() {
        if (phase.get() != RunPhase.IDLE) {
            restart();
            return;
        }
        Topology topology = document.topology();
        if (topology.brokers().isEmpty()) {
            messages.accept("Nothing to run: add a broker first.");
            return;
        }
        RunOptions options = RunOptions.defaults().withRuntime(runtime.get()).withPortOffset(portOffset.get());
        RunSession next;
        try {
            next = RunSession.start(topology, options, fxThread, this::batch, table.capacity(),
                    runner -> runnerCreated.forEach(listener -> listener.accept(runner)));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            messages.accept("Cannot run: " + e.getMessage());
            return;
        }
        session = next;
        statuses.clear();
        packets = 0;
        table.clear();
        decorations.begin(topology);
        problems.accept(List.of());
        running.set(topology);
        phase.set(RunPhase.STARTING);
        updateSummary();
        messages.accept("Starting " + topology.brokers().size() + " brokers on " + describe(options) + "…");
        next.started().whenComplete((done, failure) -> fxThread.execute(() -> {
            if (session != next) {
                return;
            }
            if (failure != null && !(unwrap(failure) instanceof CancellationException)) {
                messages.accept("The run could not start: " + reason(failure));
                stop();
            } else if (phase.get() == RunPhase.STARTING) {
                phase.set(RunPhase.RUNNING);
                updateSummary();
            }
        }));
    }

    /**
     * Tells {@code listener} each run's runner before it starts (on the FX thread): a view subscribes to it then.
     * Listeners add up, told in the order they were added.
     */
    public void onRunnerCreated(Consumer<TopologyRunner> listener) {
        runnerCreated.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** The current run's runner (starting, running or stopping), empty when idle: fault actions act on it. */
    public Optional<TopologyRunner> runner() {
        return Optional.ofNullable(session).map(RunSession::runner);
    }

    /** Stops the run (never blocking the FX thread); the returned future completes on the FX thread, ports free. */
    public CompletableFuture<Void> stop() {
        RunSession current = session;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        phase.set(RunPhase.STOPPING);
        updateSummary();
        CompletableFuture<Void> done = new CompletableFuture<>();
        current.stop().whenComplete((ok, failure) -> fxThread.execute(() -> {
            if (session == current) {
                session = null;
                running.set(null);
                decorations.clear();
                phase.set(RunPhase.IDLE);
                messages.accept(failure == null ? "Run stopped; every port is released."
                        : "Run stopped with an error: " + reason(failure));
                updateSummary();
            }
            done.complete(null);
        }));
        return done;
    }

    /** Stops the run and starts the canvas as it is now. */
    public void restart() {
        stop().thenRun(this::run);
    }

    private void batch(LiveBatch batch) {
        if (session == null) {
            return; // a stopped run's last hand-over
        }
        table.accept(batch.rows());
        packets += batch.rows().stream().filter(r -> !r.isGap()).count();
        batch.statuses().forEach(s -> statuses.put(s.elementId(), s));
        decorations.apply(batch.statuses(), batch.received());
        if (!batch.statuses().isEmpty()) {
            problems.accept(failures());
        }
        updateSummary();
    }

    private List<FindingRow> failures() {
        Topology t = running.get();
        List<FindingRow> rows = new ArrayList<>();
        statuses.values().stream().filter(s -> s.state() == NodeStatus.State.FAILED).forEach(s -> rows.add(
                new FindingRow(FindingRow.Level.ERROR, "run-failed", s.elementId(),
                        (t == null ? s.elementId() : t.nameOf(s.elementId())) + " failed: " + s.message(),
                        "The other elements keep running; fix the cause (or pick another port offset) and Run again.")));
        return rows;
    }

    private void updateSummary() {
        Topology t = running.get();
        if (t == null || session == null) {
            summary.set("");
            return;
        }
        long up = statuses.values().stream().filter(s -> s.state() == NodeStatus.State.RUNNING).count();
        long failed = statuses.values().stream().filter(s -> s.state() == NodeStatus.State.FAILED).count();
        int elements = t.brokers().size() + t.bridges().size() + t.publishers().size() + t.subscribers().size();
        summary.set(String.format("%s on %s · %d/%d up%s · %,d packets", switch (phase.get()) {
            case STARTING -> "Starting";
            case RUNNING -> "Running";
            case STOPPING -> "Stopping";
            case IDLE -> "Idle";
        }, describe(session.options()), up, elements, failed == 0 ? "" : ", " + failed + " failed", packets));
    }

    private static String describe(RunOptions options) {
        return (options.runtime() == RunOptions.Runtime.MOSQUITTO ? "mosquitto" : "embedded brokers")
                + (options.portOffset() == 0 ? "" : ", port offset " + options.portOffset());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** What runs: the topology without the boxes' positions (moving a box changes nothing that runs). */
    private static Topology withoutLayout(Topology t) {
        Topology plain = t;
        for (Node node : t.nodes()) {
            plain = plain.withNode(node.withPosition(Position.ORIGIN));
        }
        return plain;
    }
}

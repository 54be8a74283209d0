package org.mqttstudio.app.check;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Topology;

/**
 * Runs the checker and the router on a worker thread after every change. Coalesced: while a check
 * runs, further submissions only replace the one waiting, so a burst of edits costs at most one
 * more check, of the newest topology. Results are handed over on the FX thread, and only while
 * their topology is still the newest submitted (a stale result would flash old badges).
 */
public final class LiveChecks implements AutoCloseable {
    private final FindingSource findings;
    private final Consumer<CheckResult> onResult;
    private final AtomicReference<Topology> waiting = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-checks");
        t.setDaemon(true);
        return t;
    });
    private volatile Topology newest;

    public LiveChecks(FindingSource findings, Consumer<CheckResult> onResult) {
        this.findings = findings;
        this.onResult = onResult;
    }

    /** Schedules a check of {@code topology}; call on every change. */
    public void submit(Topology topology) {
        newest = topology;
        if (waiting.getAndSet(topology) == null) {
            worker.execute(this::checkWaiting);
        }
    }

    private void checkWaiting() {
        Topology t = waiting.getAndSet(null);
        if (t == null) {
            return;
        }
        CheckResult result = new CheckResult(t, findings.findings(t), routes(t));
        Platform.runLater(() -> {
            if (result.topology() == newest) {
                onResult.accept(result);
            }
        });
    }

    private static RouteTable routes(Topology t) {
        try {
            return new Router().routes(t);
        } catch (RuntimeException e) {
            // The checker reports what is wrong; a topology the router cannot follow just shows no routes.
            return new RouteTable(List.of(), List.of(), List.of(), List.of());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

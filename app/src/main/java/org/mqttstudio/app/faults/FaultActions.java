package org.mqttstudio.app.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.app.run.RunPhase;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Topology;

/**
 * Carries the menus' fault actions to the run's runner on a thread of its own (a cut or a broker's stop can take a
 * while; the FX thread never waits), one after the other in the order asked, then records the outcome in the
 * {@link FaultState} on the FX thread. A failure becomes one line for the run's message, never a stack trace; an
 * answer for a run that is over meanwhile is dropped.
 */
final class FaultActions {
    private final RunController controller;
    private final FaultState state;
    private final Consumer<String> messages;
    private final Executor fxThread;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fault-actions");
        thread.setDaemon(true);
        return thread;
    });

    FaultActions(RunController controller, FaultState state, Consumer<String> messages, Executor fxThread) {
        this.controller = controller;
        this.state = state;
        this.messages = messages;
        this.fxThread = fxThread;
    }

    void cut(String elementId) {
        act(elementId, "cut", runner -> done(() -> runner.cutLink(elementId)), () -> state.setCut(elementId, true),
                "link cut: the broker refuses it until Restore link");
    }

    void restore(String elementId) {
        act(elementId, "restore", runner -> done(() -> runner.restoreLink(elementId)),
                () -> state.setCut(elementId, false), "link restored: it reconnects");
    }

    /** Adds {@code latency} to both directions of the link; zero removes it. */
    void latency(String elementId, Duration latency) {
        act(elementId, latency.isZero() ? "remove the latency of" : "delay", runner -> done(() ->
                runner.setLatency(elementId, latency)), () -> state.setLatency(elementId, latency),
                latency.isZero() ? "latency removed" : "every packet now waits " + latency.toMillis() + " ms each way");
    }

    void stopBroker(String brokerId) {
        act(brokerId, "stop", runner -> runner.stopBroker(brokerId), () -> state.setStopped(brokerId, true),
                "stopped: its bridges and clients lose it");
    }

    void startBroker(String brokerId) {
        act(brokerId, "start", runner -> runner.startBroker(brokerId), () -> state.setStopped(brokerId, false),
                "started again: its bridges and clients reconnect");
    }

    /**
     * Runs {@code call} on the worker; {@code applied} and the news follow on the FX thread if the same run still
     * goes on.
     */
    private void act(String elementId, String verb, Function<TopologyRunner, CompletableFuture<Void>> call,
            Runnable applied, String news) {
        Optional<TopologyRunner> current = controller.runner();
        Topology running = controller.runningTopologyProperty().get();
        if (current.isEmpty() || running == null) {
            messages.accept("No run: faults act on a running topology.");
            return;
        }
        TopologyRunner runner = current.get();
        String name = running.nameOf(elementId);
        state.setBusy(elementId, true);
        CompletableFuture.supplyAsync(() -> call.apply(runner), worker)
                .thenCompose(Function.identity())
                .whenComplete((ok, failure) -> fxThread.execute(() -> {
                    if (controller.runner().orElse(null) != runner || controller.phaseProperty().get() == RunPhase.IDLE) {
                        return;
                    }
                    state.setBusy(elementId, false);
                    if (failure == null) {
                        applied.run();
                        messages.accept(name + ": " + news + ".");
                    } else {
                        messages.accept("Could not " + verb + " " + name + ": " + reason(failure));
                    }
                }));
    }

    /** A quick, synchronous runtime call as a completed future (it ran on the worker). */
    private static CompletableFuture<Void> done(Runnable call) {
        call.run();
        return CompletableFuture.completedFuture(null);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

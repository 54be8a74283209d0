package org.mqttstudio.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A run's start and stop: each happens once, a start never begins after a stop did, and a stop may come while the
 * start is in progress (the start asks {@link #stopping()} between elements and halts).
 */
final class RunLifecycle {
    private final Object lock = new Object();
    private boolean started;
    private boolean stopBegun;
    private volatile boolean stopping;
    private final CompletableFuture<Void> startDone = new CompletableFuture<>();
    private final CompletableFuture<Void> stopDone = new CompletableFuture<>();

    /** @throws IllegalStateException when the run was started or stopped before */
    void beginStart() {
        synchronized (lock) {
            if (started || stopBegun) {
                throw new IllegalStateException(started ? "this run was started before" : "this run was stopped");
            }
            started = true;
        }
    }

    /** Whether this call is the one that stops the run (the first). */
    boolean beginStop() {
        synchronized (lock) {
            if (stopBegun) {
                return false;
            }
            stopBegun = true;
            stopping = true;
            return true;
        }
    }

    /** Set once a stop began: a start in progress halts at its next element. */
    boolean stopping() {
        return stopping;
    }

    /** The start is over: cancelled when a stop came meanwhile, failed with {@code failure} if not null. */
    void startEnded(Throwable failure) {
        if (failure != null) {
            startDone.completeExceptionally(failure);
        } else if (stopping) {
            startDone.completeExceptionally(new CancellationException("the run was stopped while starting"));
        } else {
            startDone.complete(null);
        }
    }

    /** For the stop: waits until a start that began is over (it halts at its next element). */
    void awaitStartEnd() {
        boolean begun;
        synchronized (lock) {
            begun = started;
        }
        if (begun) {
            startDone.handle((done, failure) -> null).join();
        }
    }

    void stopEnded(Throwable failure) {
        if (failure != null) {
            stopDone.completeExceptionally(failure);
        } else {
            stopDone.complete(null);
        }
    }

    /** Completes when the start is over; the caller's own future (completing it changes nothing here). */
    CompletableFuture<Void> startDone() {
        return mirror(startDone);
    }

    CompletableFuture<Void> stopDone() {
        return mirror(stopDone);
    }

    /** Not {@code copy()}: that wraps a failure into a CompletionException, so a cancelled start would not say so. */
    private static CompletableFuture<Void> mirror(CompletableFuture<Void> source) {
        CompletableFuture<Void> mirror = new CompletableFuture<>();
        source.whenComplete((done, failure) -> {
            if (failure == null) {
                mirror.complete(null);
            } else {
                mirror.completeExceptionally(failure);
            }
        });
        return mirror;
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RunLifecycleTest {
    private final RunLifecycle lifecycle = new RunLifecycle();

    @Test
    void aRunStartsOnceAndNeverAfterAStop() {
        lifecycle.beginStart();
        assertThatThrownBy(lifecycle::beginStart).hasMessage("this run was started before");
        RunLifecycle stoppedFirst = new RunLifecycle();
        assertThat(stoppedFirst.beginStop()).isTrue();
        assertThat(stoppedFirst.beginStop()).as("the second stop is not the one that stops").isFalse();
        assertThatThrownBy(stoppedFirst::beginStart).hasMessage("this run was stopped");
    }

    @Test
    void aStartThatAStopInterruptedEndsCancelledAndTheStopWaitsForIt() {
        lifecycle.beginStart();
        CompletableFuture<Void> started = lifecycle.startDone();
        assertThat(lifecycle.beginStop()).isTrue();
        assertThat(lifecycle.stopping()).isTrue();
        CompletableFuture<Void> waited = CompletableFuture.runAsync(lifecycle::awaitStartEnd);
        assertThat(waited).isNotDone();
        lifecycle.startEnded(null);
        waited.join();
        assertThatThrownBy(started::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void aStartThatFailedCarriesTheFailureAndAFinishedOneCompletes() {
        lifecycle.beginStart();
        lifecycle.startEnded(new IllegalStateException("boom"));
        assertThat(lifecycle.startDone()).isCompletedExceptionally();
        RunLifecycle fine = new RunLifecycle();
        fine.beginStart();
        fine.startEnded(null);
        assertThat(fine.startDone()).isCompleted();
        fine.startDone().complete(null); // a caller's copy: completing it changes nothing
        assertThat(fine.stopDone()).isNotDone();
    }
}

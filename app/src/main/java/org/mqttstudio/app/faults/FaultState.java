package org.mqttstudio.app.faults;

import java.time.Duration;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The faults the user set on the current run, as the FX thread knows them: the links cut, the latency per link and
 * the brokers stopped, plus the elements whose fault action is still under way. Only {@link FaultActions} changes it
 * (once the runtime has done what was asked); everyone else gets read-only views. Cleared when the run ends.
 */
public final class FaultState {
    private final ObservableSet<String> cut = FXCollections.observableSet();
    private final ObservableMap<String, Duration> latency = FXCollections.observableHashMap();
    private final ObservableSet<String> stopped = FXCollections.observableSet();
    private final ObservableSet<String> busy = FXCollections.observableSet();
    // The read-only views are made once: each listens weakly to its set, so one made per call could be collected
    // together with the listeners added to it.
    private final ObservableSet<String> cutView = FXCollections.unmodifiableObservableSet(cut);
    private final ObservableMap<String, Duration> latencyView = FXCollections.unmodifiableObservableMap(latency);
    private final ObservableSet<String> stoppedView = FXCollections.unmodifiableObservableSet(stopped);
    private final ObservableSet<String> busyView = FXCollections.unmodifiableObservableSet(busy);

    /** Bridges and clients whose link is cut, by element id. */
    public ObservableSet<String> cut() {
        return cutView;
    }

    /** The latency added to a bridge's or client's link, by element id (no entry: none). */
    public ObservableMap<String, Duration> latency() {
        return latencyView;
    }

    /** Brokers the user stopped (and has not started again). */
    public ObservableSet<String> stopped() {
        return stoppedView;
    }

    /** Elements with a fault action in flight: their menu items wait for it. */
    public ObservableSet<String> busy() {
        return busyView;
    }

    void setCut(String elementId, boolean isCut) {
        toggle(cut, elementId, isCut);
    }

    void setLatency(String elementId, Duration added) {
        Objects.requireNonNull(elementId, "elementId");
        if (added.isZero()) {
            latency.remove(elementId);
        } else {
            latency.put(elementId, added);
        }
    }

    void setStopped(String brokerId, boolean isStopped) {
        toggle(stopped, brokerId, isStopped);
    }

    void setBusy(String elementId, boolean isBusy) {
        toggle(busy, elementId, isBusy);
    }

    /** Forgets everything: the run is over. */
    void clear() {
        cut.clear();
        latency.clear();
        stopped.clear();
        busy.clear();
    }

    private static void toggle(ObservableSet<String> set, String id, boolean in) {
        Objects.requireNonNull(id, "elementId");
        if (in) {
            set.add(id);
        } else {
            set.remove(id);
        }
    }
}

package org.mqttstudio.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.trace.ConnectionNumbers;
import org.mqttstudio.trace.TapConnection;
import org.mqttstudio.trace.WireTap;

/**
 * One broker node of a run: its taps, the instance running now (a new one after each restart), and the faults set
 * on its links, which every new tap gets too.
 */
final class BrokerSlot {
    /** A cut or a delay of one client's connection at this node's taps, with what undoes it on each tap. */
    private record Fault(String clientId, Duration latency, List<Runnable> undo) {
    }

    final Broker node;
    final List<WireTap> taps = new CopyOnWriteArrayList<>();
    /** Shared by the node's taps, the new ones of a restart too: (node, connection id) names one connection. */
    final ConnectionNumbers connectionNumbers = new ConnectionNumbers();
    /** The broker's ports behind the taps; new ones for each restart (the old ones linger in TIME_WAIT). */
    volatile Map<Listener, Integer> internalPorts;
    volatile BrokerInstance instance;
    volatile boolean tapsUp;
    volatile boolean running;
    private volatile Duration latency = Duration.ZERO;
    /** By the element whose link it is (a client or a bridge). */
    private final Map<String, Fault> cuts = new ConcurrentHashMap<>();
    private final Map<String, Fault> delays = new ConcurrentHashMap<>();

    BrokerSlot(Broker node, Map<Listener, Integer> internalPorts) {
        this.node = node;
        this.internalPorts = internalPorts;
    }

    String id() {
        return node.id();
    }

    /** The taps are open: they get the node's latency and every link fault. */
    void tapsOpened() {
        tapsUp = true;
        taps.forEach(tap -> tap.setLatency(latency));
        cuts.values().forEach(this::applyCut);
        delays.values().forEach(this::applyDelay);
    }

    /** Delays every connection to this node. */
    void setLatency(Duration newLatency) {
        latency = newLatency;
        taps.forEach(tap -> tap.setLatency(newLatency));
    }

    /** Drops and refuses the client's connections until {@link #restore}; false when it was cut already. */
    boolean cut(String elementId, String clientId) {
        Fault cut = new Fault(clientId, Duration.ZERO, new CopyOnWriteArrayList<>());
        if (cuts.putIfAbsent(elementId, cut) != null) {
            return false;
        }
        applyCut(cut);
        return true;
    }

    /** False when the element's link was not cut. */
    boolean restore(String elementId) {
        Fault cut = cuts.remove(elementId);
        if (cut == null) {
            return false;
        }
        cut.undo().forEach(Runnable::run);
        return true;
    }

    /** Delays both directions of the client's connections; zero removes the delay. */
    void delay(String elementId, String clientId, Duration delay) {
        Fault old = delays.remove(elementId);
        if (old != null) {
            old.undo().forEach(Runnable::run);
        }
        if (!delay.isZero()) {
            Fault fault = new Fault(clientId, delay, new CopyOnWriteArrayList<>());
            delays.put(elementId, fault);
            applyDelay(fault);
        }
    }

    private void applyCut(Fault cut) {
        for (WireTap tap : taps) {
            WireTap.Cut handle = tap.cut(TapConnection.withClientId(cut.clientId()));
            cut.undo().add(() -> tap.restore(handle));
        }
    }

    private void applyDelay(Fault delay) {
        for (WireTap tap : taps) {
            WireTap.Delay handle = tap.delay(TapConnection.withClientId(delay.clientId()), delay.latency());
            delay.undo().add(() -> tap.undelay(handle));
        }
    }
}

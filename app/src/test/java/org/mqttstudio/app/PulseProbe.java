package org.mqttstudio.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * The FX thread's pulses while it runs: the longest wall-clock gap between two (and the collection time in it:
 * the brokers and their clients share this JVM), and the most CPU the FX thread and the renderer (the software
 * pipeline draws on a thread of its own, which the FX thread waits for) spent between two: the UI's own work
 * for one frame, which a crowded machine's scheduler does not lengthen. Made (and so started) on the FX thread.
 */
public final class PulseProbe extends AnimationTimer {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long renderer = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst()
            .orElseThrow();
    private long last;
    private long lastCpu;
    private long lastGc;
    private long worstGap;
    private long gcInWorstGap;
    private long worstCpu;
    private long frames;

    public PulseProbe() {
        start();
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime() + threads.getThreadCpuTime(renderer);
        long gc = gcMillis();
        if (last != 0) {
            if (now - last > worstGap) {
                worstGap = now - last;
                gcInWorstGap = gc - lastGc;
            }
            worstCpu = Math.max(worstCpu, cpu - lastCpu);
        }
        last = now;
        lastCpu = cpu;
        lastGc = gc;
        frames++;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    public long worstGapMillis() {
        return worstGap / 1_000_000;
    }

    public long gcInWorstGapMillis() {
        return gcInWorstGap;
    }

    /** The most CPU the FX and render threads spent between two pulses, ms. */
    public long worstCpuMillis() {
        return worstCpu / 1_000_000;
    }

    public long frames() {
        return frames;
    }
}

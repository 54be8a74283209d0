package org.mqttstudio.app.tracepanel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Measures the FX thread from inside: counts pulses (frames), keeps the longest wall-clock time between two of them
 * (the worst stall a user saw) and the most CPU time the FX thread spent between two of them (the worst frame's own
 * work: on a shared, overloaded machine a wall-clock gap also measures the scheduler, the CPU time does not). Start and
 * read it on the FX thread.
 */
public final class FxMeter {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (last != 0) {
                worstGapNanos = Math.max(worstGapNanos, now - last);
                worstCpuNanos = Math.max(worstCpuNanos, cpu - lastCpu);
            }
            last = now;
            lastCpu = cpu;
            pulses++;
        }
    };
    private long last;
    private long lastCpu;
    private long pulses;
    private long worstGapNanos;
    private long worstCpuNanos;

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Starts counting afresh. */
    public void reset() {
        pulses = 0;
        worstGapNanos = 0;
        worstCpuNanos = 0;
        last = 0;
    }

    public long pulses() {
        return pulses;
    }

    /** The longest wall-clock time between two frames, ms. */
    public double worstStallMillis() {
        return worstGapNanos / 1e6;
    }

    /** The most CPU time the FX thread spent between two frames, ms. */
    public double worstFrameCpuMillis() {
        return worstCpuNanos / 1e6;
    }
}

package org.mqttstudio.app.explorer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javafx.animation.AnimationTimer;

/**
 * Measures the longest time between two JavaFX pulses while it runs, and separately how much of that time the JVM
 * spent in garbage collection: in a test JVM that also runs the broker and the load generator, a collection pauses
 * every thread and says nothing about the view's own work. Started and stopped on the FX thread.
 */
final class FrameProbe extends AnimationTimer {
    private long last;
    private long lastGcMillis;
    private long worstGap;
    private long worstGapWithoutGc;
    private long frames;

    @Override
    public void handle(long now) {
        long gc = gcMillis();
        if (last != 0) {
            long gap = now - last;
            worstGap = Math.max(worstGap, gap);
            worstGapWithoutGc = Math.max(worstGapWithoutGc, gap - Duration.ofMillis(gc - lastGcMillis).toNanos());
        }
        last = now;
        lastGcMillis = gc;
        frames++;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    Duration worstGap() {
        return Duration.ofNanos(worstGap);
    }

    /** The worst gap less the collection time inside it: the stall the FX thread's own work caused. */
    Duration worstStall() {
        return Duration.ofNanos(worstGapWithoutGc);
    }

    long frames() {
        return frames;
    }
}

package org.mqttstudio.app.uibench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/** The UI bench's steady feed: what is due is sent each millisecond, so a rate holds without a timer per item. */
final class Pacing {
    private Pacing() {
    }

    /** Calls {@code send} with 0, 1, 2, … at {@code rate} a second for {@code seconds}; returns how many were sent. */
    static long paced(int rate, int seconds, LongConsumer send) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = (now - start) * rate / 1_000_000_000L;
            while (sent < due) {
                send.accept(sent);
                sent++;
            }
            Thread.sleep(1);
        }
        return sent;
    }
}

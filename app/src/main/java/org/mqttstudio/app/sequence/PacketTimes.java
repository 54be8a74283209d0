package org.mqttstudio.app.sequence;

import java.time.Duration;
import java.util.Locale;

/** Time since a flow's first packet, readable from microseconds (a local hop) to seconds (a hop after a cut). */
final class PacketTimes {
    private PacketTimes() {
    }

    static String since(Duration elapsed) {
        double ms = elapsed.toNanos() / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "+%.3f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "+%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "+%.3f s", ms / 1000);
    }
}

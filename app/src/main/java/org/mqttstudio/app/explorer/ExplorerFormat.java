package org.mqttstudio.app.explorer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.mqttstudio.explorer.ExplorerMessage;

/** How the explorer's views write times and payload previews (one place, so cells do no thinking). */
final class ExplorerFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private ExplorerFormat() {
    }

    /** The payload's first characters on one line; "(empty)" or a byte count for binary payloads. */
    static String preview(ExplorerMessage message, int max) {
        if (message.size() == 0) {
            return "(empty)";
        }
        String text = message.text();
        if (text.indexOf('\uFFFD') >= 0) {
            return "(" + message.size() + " bytes)";
        }
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}

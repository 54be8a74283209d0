package org.mqttstudio.app.findings;

import java.util.Objects;

/**
 * One line of the problems panel: a checker finding or a problem loading the file. Mirrors the
 * checker's {@code Finding} so that wiring it in is a field-by-field copy.
 *
 * @param elementId the element the finding is about, or null for the file as a whole
 * @param fix what to do about it, or empty
 */
public record FindingRow(Level level, String code, String elementId, String message, String fix) {

    /** How bad a finding is; same names as the checker's {@code Severity}. */
    public enum Level {
        ERROR, WARNING, INFO
    }

    public static final String LOAD_CODE = "load";

    public FindingRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        code = code == null ? "" : code;
        fix = fix == null ? "" : fix;
    }

    /** A file that could not be opened; {@code message} is the reader's one-line reason. */
    public static FindingRow loadError(String message) {
        return new FindingRow(Level.ERROR, LOAD_CODE, null, message,
                "Fix the file and choose File ▸ Reload; the topology shown is the one loaded before.");
    }
}

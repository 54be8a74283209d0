package org.mqttstudio.check;

/**
 * One thing the checker found.
 *
 * @param code stable kebab-case name of the pitfall, e.g. {@code bridge-loop}
 * @param elementId the element to point at (node or bridge id), or null for the whole topology
 * @param message what is wrong, in element names
 * @param fix what to change
 */
public record Finding(Severity severity, String code, String elementId, String message, String fix) {
    static Finding error(String code, String elementId, String message, String fix) {
        return new Finding(Severity.ERROR, code, elementId, message, fix);
    }

    static Finding warning(String code, String elementId, String message, String fix) {
        return new Finding(Severity.WARNING, code, elementId, message, fix);
    }

    static Finding info(String code, String elementId, String message, String fix) {
        return new Finding(Severity.INFO, code, elementId, message, fix);
    }
}

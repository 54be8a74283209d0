package org.mqttstudio.topology;

/**
 * A topology file that cannot be read. The message is one line a person can act on:
 * {@code FILE:LINE:COLUMN: path.to.field: what is wrong}.
 */
public final class TopologyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public TopologyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

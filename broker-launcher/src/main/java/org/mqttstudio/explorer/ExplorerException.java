package org.mqttstudio.explorer;

/** A connection or request that failed, with the reason in words (the message is for the user). */
public final class ExplorerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExplorerException(String message, Throwable cause) {
        super(message, cause);
    }
}

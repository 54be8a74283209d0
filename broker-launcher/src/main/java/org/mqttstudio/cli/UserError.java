package org.mqttstudio.cli;

/** A failure caused by the user's input, reported as one line with exit code 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}

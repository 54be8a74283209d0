package org.mqttstudio.explorer;

import java.util.Locale;

/** Turns the client library's reason code enums into words: {@code BAD_USER_NAME_OR_PASSWORD} (0x86) the user reads. */
final class ReasonWords {
    private ReasonWords() {
    }

    static String of(Enum<?> reason, int code) {
        return of(reason) + String.format(" (0x%02X)", code);
    }

    static String of(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

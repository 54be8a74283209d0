package org.mqttstudio.topology;

import java.util.regex.Pattern;

/** Element ids: used as file and folder names by the exporter, so kept to a safe alphabet. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String check(String id) {
        Checks.required(id, "id");
        if (!valid(id)) {
            throw new IllegalArgumentException("id '" + id
                    + "' may contain only letters, digits, '_', '.' and '-', and must start with a letter or digit");
        }
        return id;
    }
}

package org.mqttstudio.explorer;

import java.util.Objects;

/** One MQTT 5 user property (a name may repeat in a message). */
public record UserProperty(String name, String value) {
    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}

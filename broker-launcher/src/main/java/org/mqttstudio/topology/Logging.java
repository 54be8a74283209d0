package org.mqttstudio.topology;

import java.util.List;

/**
 * mosquitto's logging options. Empty {@code destinations} / {@code types} mean mosquitto's
 * defaults. A destination is written as mosquitto spells it: {@code stderr}, {@code stdout},
 * {@code topic}, {@code syslog}, {@code none} or {@code file <path>}.
 * {@code connectionMessages} null means mosquitto's default (true).
 */
public record Logging(List<String> destinations, List<String> types, Boolean connectionMessages) {
    public static final Logging DEFAULT = new Logging(List.of(), List.of(), null);

    public Logging {
        destinations = Checks.list(destinations);
        types = Checks.list(types);
    }

    /** The path of a {@code file} destination, or null. */
    public String file() {
        return destinations.stream().filter(d -> d.startsWith("file "))
                .map(d -> d.substring(5).trim()).findFirst().orElse(null);
    }
}

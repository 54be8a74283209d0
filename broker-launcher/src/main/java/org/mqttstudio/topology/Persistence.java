package org.mqttstudio.topology;

/**
 * mosquitto's {@code persistence}. {@code location} null means mosquitto's default (the
 * broker's working folder, which the exported start script makes the broker's own folder).
 * {@code autosaveInterval} null means mosquitto's default (1800 s).
 */
public record Persistence(boolean enabled, String location, Integer autosaveInterval) {
    public static final Persistence OFF = new Persistence(false, null, null);

    public Persistence {
        location = Checks.blankToNull(location);
        if (autosaveInterval != null && autosaveInterval < 0) {
            throw new IllegalArgumentException("'autosaveInterval' must not be negative");
        }
    }

    public Persistence withEnabled(boolean newEnabled) {
        return new Persistence(newEnabled, location, autosaveInterval);
    }

    public Persistence withLocation(String newLocation) {
        return new Persistence(enabled, newLocation, autosaveInterval);
    }
}

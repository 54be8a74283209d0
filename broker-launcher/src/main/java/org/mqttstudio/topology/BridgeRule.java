package org.mqttstudio.topology;

/**
 * One bridge {@code topic} line: {@code topic <pattern> <direction> <qos> <localPrefix> <remotePrefix>}.
 * Prefixes are null when absent and joined literally to the pattern, as mosquitto does.
 * Whether pattern and prefixes make valid filters is the checker's business (mosquitto
 * refuses them at start), so a broken imported file can still be loaded and shown.
 */
public record BridgeRule(String pattern, Direction direction, int qos, String localPrefix, String remotePrefix) {
    public BridgeRule {
        if (pattern == null) {
            throw new IllegalArgumentException("missing field 'pattern'");
        }
        direction = direction == null ? Direction.OUT : direction;
        Checks.qos(qos, "qos");
    }

    public static BridgeRule out(String pattern, int qos) {
        return new BridgeRule(pattern, Direction.OUT, qos, null, null);
    }

    /** The filter the bridge subscribes to on its own (local) broker for out/both. */
    public String localFilter() {
        return nullToEmpty(localPrefix) + pattern;
    }

    /** The filter the bridge subscribes to on the remote broker for in/both. */
    public String remoteFilter() {
        return nullToEmpty(remotePrefix) + pattern;
    }

    public boolean hasPrefixes() {
        return localPrefix != null || remotePrefix != null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public BridgeRule withPattern(String newPattern) {
        return new BridgeRule(newPattern, direction, qos, localPrefix, remotePrefix);
    }

    public BridgeRule withDirection(Direction newDirection) {
        return new BridgeRule(pattern, newDirection, qos, localPrefix, remotePrefix);
    }

    public BridgeRule withQos(int newQos) {
        return new BridgeRule(pattern, direction, newQos, localPrefix, remotePrefix);
    }

    public BridgeRule withLocalPrefix(String newLocalPrefix) {
        return new BridgeRule(pattern, direction, qos, newLocalPrefix, remotePrefix);
    }

    public BridgeRule withRemotePrefix(String newRemotePrefix) {
        return new BridgeRule(pattern, direction, qos, localPrefix, newRemotePrefix);
    }
}

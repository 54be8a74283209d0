package org.mqttstudio.check;

import org.mqttstudio.topology.BridgeRule;

/** A bridge rule as its mosquitto topic line reads. */
final class RuleText {
    private RuleText() {
    }

    static String of(BridgeRule r) {
        String line = r.pattern() + " " + r.direction().word() + " " + r.qos();
        return r.hasPrefixes() ? line + " " + quoted(r.localPrefix()) + " " + quoted(r.remotePrefix()) : line;
    }

    private static String quoted(String prefix) {
        return prefix == null || prefix.isEmpty() ? "\"\"" : prefix;
    }
}

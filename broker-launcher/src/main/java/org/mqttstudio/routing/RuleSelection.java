package org.mqttstudio.routing;

import java.util.List;
import org.mqttstudio.topology.BridgeRule;

/**
 * Which of a bridge's rules decide the one copy mosquitto sends when several rules of one
 * direction match a message (measured with mosquitto 2.0.11). Shared by the route table and the
 * embedded runtime's bridge, so both predict and do the same.
 */
public final class RuleSelection {
    private RuleSelection() {
    }

    /**
     * The rule whose prefixes remap the copy: the first in file order that has a prefix, else the
     * first. {@code matching} is in file order and not empty.
     */
    public static BridgeRule remapping(List<BridgeRule> matching) {
        return matching.stream().filter(r -> !(orEmpty(r.localPrefix()) + orEmpty(r.remotePrefix())).isEmpty())
                .findFirst().orElse(matching.get(0));
    }

    /**
     * The QoS cap of the copy: the broker keeps the first of the bridge's matching subscriptions
     * in its tree walk, where at each level a literal comes before {@code +} and {@code +} before
     * {@code #}, whatever the file order; of two lines with the same filter the later one's QoS
     * holds, as its SUBSCRIBE replaces the first.
     *
     * @param outward true for out (filters on the local broker), false for in (on the remote)
     */
    public static int qosCap(List<BridgeRule> matching, boolean outward) {
        return matching.stream()
                .reduce((kept, next) -> walkOrder(filter(next, outward), filter(kept, outward)) <= 0 ? next : kept)
                .orElseThrow().qos();
    }

    private static String filter(BridgeRule rule, boolean outward) {
        return outward ? rule.localFilter() : rule.remoteFilter();
    }

    private static int walkOrder(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int byRank = Integer.compare(rank(x[i]), rank(y[i]));
            if (byRank != 0) {
                return byRank;
            }
        }
        return 0;
    }

    private static int rank(String level) {
        return "#".equals(level) ? 2 : "+".equals(level) ? 1 : 0;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

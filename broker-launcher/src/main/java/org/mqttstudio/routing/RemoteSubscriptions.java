package org.mqttstudio.routing;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.mqttstudio.topology.BridgeRule;

/**
 * What a bridge's rules leave subscribed on the remote broker. On connect mosquitto goes through
 * the topic lines in file order, subscribing the remote filter of each in/both line and, with
 * {@code bridge_attempt_unsubscribe} (on by default, not modelled), unsubscribing that of each out
 * line. So an out line after an in/both line with the same remote filter cancels its in half
 * (measured with mosquitto 2.0.11: {@code # both 1} then {@code # out 2} brings nothing in).
 */
public final class RemoteSubscriptions {
    private RemoteSubscriptions() {
    }

    /** The in/both rules whose remote subscription stands, in file order. */
    public static List<BridgeRule> subscribed(List<BridgeRule> rules) {
        return IntStream.range(0, rules.size())
                .filter(i -> rules.get(i).direction().forwardsIn() && cancelledBy(rules, i).isEmpty())
                .mapToObj(rules::get).toList();
    }

    /**
     * The out rule that, last among the rules after it with the same remote filter, unsubscribes
     * the in half of rule {@code index}; empty when that rule is out-only or its subscription stands.
     */
    public static Optional<BridgeRule> cancelledBy(List<BridgeRule> rules, int index) {
        BridgeRule rule = rules.get(index);
        if (!rule.direction().forwardsIn()) {
            return Optional.empty();
        }
        BridgeRule last = rule;
        for (BridgeRule later : rules.subList(index + 1, rules.size())) {
            if (later.remoteFilter().equals(rule.remoteFilter())) {
                last = later;
            }
        }
        return last.direction().forwardsIn() ? Optional.empty() : Optional.of(last);
    }
}

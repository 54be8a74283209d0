package org.mqttstudio.runtime;

import java.util.List;
import java.util.Optional;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.RuleSelection;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;

/**
 * A bridge's topic rules applied to messages, as mosquitto does: of the rules of the direction
 * whose filter matches, one copy crosses, remapped and QoS-capped as {@link RuleSelection} says
 * (one prefix removed, the other added, literally); the retain flag crosses unchanged.
 */
final class BridgeRoutes {
    private final List<BridgeRule> rules;

    BridgeRoutes(List<BridgeRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules that subscribe on the local broker (out, both). */
    List<BridgeRule> outRules() {
        return rules.stream().filter(rule -> rule.direction() != Direction.IN).toList();
    }

    /** The rules that subscribe on the remote broker (in, both). */
    List<BridgeRule> inRules() {
        return rules.stream().filter(rule -> rule.direction() != Direction.OUT).toList();
    }

    /** A message received locally as it goes to the remote; empty when no out rule takes it. */
    Optional<BridgeMessage> outbound(BridgeMessage message) {
        return remap(message, outRules(), true);
    }

    /** A message received from the remote as it is delivered locally; empty when no in rule takes it. */
    Optional<BridgeMessage> inbound(BridgeMessage message) {
        return remap(message, inRules(), false);
    }

    private static Optional<BridgeMessage> remap(BridgeMessage message, List<BridgeRule> candidates, boolean outward) {
        List<BridgeRule> matching = candidates.stream()
                .filter(rule -> Topics.matches(outward ? rule.localFilter() : rule.remoteFilter(), message.topic()))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        BridgeRule rule = RuleSelection.remapping(matching);
        String from = orEmpty(outward ? rule.localPrefix() : rule.remotePrefix());
        String to = orEmpty(outward ? rule.remotePrefix() : rule.localPrefix());
        return Optional.of(new BridgeMessage(to + message.topic().substring(from.length()), message.payload(),
                Math.min(message.qos(), RuleSelection.qosCap(matching, outward)), message.retain()));
    }

    private static String orEmpty(String prefix) {
        return prefix == null ? "" : prefix;
    }
}

package org.mqttstudio.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;

/**
 * A bridge's topic rules applied to messages, as mosquitto does: the first rule of the direction
 * whose filter matches decides the new topic (one prefix removed, the other added, literally) and
 * caps the QoS; the retain flag crosses unchanged.
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
        return remap(message, outRules(), BridgeRule::localPrefix, BridgeRule::remotePrefix, BridgeRule::localFilter);
    }

    /** A message received from the remote as it is delivered locally; empty when no in rule takes it. */
    Optional<BridgeMessage> inbound(BridgeMessage message) {
        return remap(message, inRules(), BridgeRule::remotePrefix, BridgeRule::localPrefix, BridgeRule::remoteFilter);
    }

    private static Optional<BridgeMessage> remap(BridgeMessage message, List<BridgeRule> candidates,
            Function<BridgeRule, String> fromPrefix, Function<BridgeRule, String> toPrefix,
            Function<BridgeRule, String> filter) {
        return candidates.stream().filter(rule -> Topics.matches(filter.apply(rule), message.topic())).findFirst()
                .map(rule -> new BridgeMessage(
                        orEmpty(toPrefix.apply(rule)) + message.topic().substring(orEmpty(fromPrefix.apply(rule)).length()),
                        message.payload(), Math.min(message.qos(), rule.qos()), message.retain()));
    }

    private static String orEmpty(String prefix) {
        return prefix == null ? "" : prefix;
    }
}

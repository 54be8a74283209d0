package org.mqttstudio.routing;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;

/**
 * mosquitto's default ACL check for one broker: with no rules everything is allowed; with any
 * rule, only what a rule allows. {@code topic} lines without a user apply to anonymous clients,
 * lines under a user to that user, {@code pattern} lines to everyone (with {@code %c} the client
 * id and {@code %u} the username; a pattern with {@code %u} never applies to anonymous clients).
 * A matching {@code deny} wins over any allow. Subscribing is never refused: like mosquitto 2,
 * reading is checked per message topic at delivery.
 */
public final class AclPolicy {
    private final List<AclRule> rules;

    public AclPolicy(List<AclRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AclPolicy allowAll() {
        return new AclPolicy(List.of());
    }

    /** Whether the client may publish to {@code topic}. */
    public boolean canWrite(String clientId, String username, String topic) {
        return allows(clientId, username, topic, AclAccess::allowsWrite);
    }

    /** Whether the client receives messages on {@code topic}. */
    public boolean canRead(String clientId, String username, String topic) {
        return allows(clientId, username, topic, AclAccess::allowsRead);
    }

    public boolean isOpen() {
        return rules.isEmpty();
    }

    private boolean allows(String clientId, String username, String topic, Predicate<AclAccess> grants) {
        if (rules.isEmpty()) {
            return true;
        }
        boolean allowed = false;
        for (AclRule rule : rules) {
            String filter = rule.pattern() ? substitute(rule.topic(), clientId, username)
                    : Objects.equals(rule.user(), username) ? rule.topic() : null;
            if (filter == null || !Topics.matches(filter, topic)) {
                continue;
            }
            if (rule.access() == AclAccess.DENY) {
                return false;
            }
            allowed |= grants.test(rule.access());
        }
        return allowed;
    }

    private static String substitute(String pattern, String clientId, String username) {
        if (pattern.contains("%u") && username == null || pattern.contains("%c") && clientId == null) {
            return null;
        }
        String s = clientId == null ? pattern : pattern.replace("%c", clientId);
        return username == null ? s : s.replace("%u", username);
    }
}

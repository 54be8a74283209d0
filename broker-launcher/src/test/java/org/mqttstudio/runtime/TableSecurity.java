package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mqttstudio.mqtt.Topics;

/**
 * A {@link BrokerSecurity} from plain tables, standing in for the Studio's real ACL policy and
 * password hashes: {@code passwords} null means no password file; {@code readable} and
 * {@code writable} list each user's filters (mosquitto's {@code topic read|write} lines);
 * {@code forbiddenFilters} are subscriptions refused outright.
 */
record TableSecurity(boolean anonymousAllowed, Map<String, String> passwords, Map<String, List<String>> readable,
        Map<String, List<String>> writable, List<String> forbiddenFilters) implements BrokerSecurity {

    @Override
    public Optional<Boolean> passwordOk(String user, byte[] password) {
        if (passwords == null) {
            return Optional.empty();
        }
        return Optional.of(password != null && passwords.containsKey(user)
                && passwords.get(user).equals(new String(password, StandardCharsets.UTF_8)));
    }

    @Override
    public boolean mayPublish(String clientId, String user, String topic) {
        return matchesAny(writable, user, topic);
    }

    @Override
    public boolean maySubscribe(String clientId, String user, String filter) {
        return !forbiddenFilters.contains(filter);
    }

    @Override
    public boolean mayReceive(String clientId, String user, String topic) {
        return matchesAny(readable, user, topic);
    }

    private static boolean matchesAny(Map<String, List<String>> filtersByUser, String user, String topic) {
        return user != null && filtersByUser.getOrDefault(user, List.of()).stream()
                .anyMatch(filter -> Topics.matches(filter, topic));
    }
}

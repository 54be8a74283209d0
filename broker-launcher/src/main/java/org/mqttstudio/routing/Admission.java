package org.mqttstudio.routing;

import java.util.Optional;
import org.mqttstudio.topology.Broker;

/**
 * Whether mosquitto lets a client (or a bridge) connect. Passwords are not verified here: a
 * known user is taken to give the right password.
 */
public final class Admission {
    private Admission() {
    }

    /** Why {@code broker} refuses a client with {@code username} (null: anonymous), or empty. */
    public static Optional<String> refusal(Broker broker, String username) {
        if (username == null) {
            return broker.allowAnonymous() ? Optional.empty()
                    : Optional.of(broker.name() + " does not allow anonymous clients (allow_anonymous false) and no username is set");
        }
        if (broker.users().isEmpty()) {
            return broker.allowAnonymous() ? Optional.empty()
                    : Optional.of(broker.name() + " allows no anonymous clients and has no users, so nobody can connect");
        }
        return broker.user(username).isPresent() ? Optional.empty()
                : Optional.of(broker.name() + " has no user '" + username + "'");
    }
}

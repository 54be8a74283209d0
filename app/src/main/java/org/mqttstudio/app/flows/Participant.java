package org.mqttstudio.app.flows;

import java.util.Objects;

/**
 * One lifeline's owner in a sequence diagram: a broker node, a publisher, a subscriber, or a client the model does
 * not know.
 *
 * @param key  what makes two hops' ends the same lifeline
 * @param name the model element's name (or the client id of an outside client)
 * @param role what it is, for its style
 */
public record Participant(String key, String name, Role role) {
    public enum Role { PUBLISHER, BROKER, SUBSCRIBER, CLIENT }

    public Participant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}

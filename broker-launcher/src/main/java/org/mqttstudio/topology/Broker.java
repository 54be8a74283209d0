package org.mqttstudio.topology;

import java.util.List;
import java.util.Optional;

/**
 * A mosquitto broker the Studio runs and exports.
 *
 * @param host the address other brokers' bridges use to reach it (default 127.0.0.1)
 * @param allowAnonymous mosquitto 2's default is false once a listener is defined
 * @param extraOptions mosquitto.conf lines the Studio does not model, kept verbatim so that an
 *     imported file exports again unchanged
 */
public record Broker(String id, String name, String host, List<Listener> listeners, boolean allowAnonymous,
        List<User> users, List<AclRule> acl, Persistence persistence, Logging logging, BrokerLimits limits,
        List<String> extraOptions, Position position) implements Node {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public Broker {
        Ids.check(id);
        name = name == null || name.isBlank() ? id : name;
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        listeners = Checks.list(listeners);
        users = Checks.list(users);
        acl = Checks.list(acl);
        persistence = persistence == null ? Persistence.OFF : persistence;
        logging = logging == null ? Logging.DEFAULT : logging;
        limits = limits == null ? BrokerLimits.DEFAULT : limits;
        extraOptions = Checks.list(extraOptions);
        position = position == null ? Position.ORIGIN : position;
    }

    /** A broker with one MQTT listener and otherwise mosquitto's defaults. */
    public static Broker simple(String id, String name, int port, boolean allowAnonymous, Position position) {
        return new Broker(id, name, null, List.of(Listener.mqtt(port)), allowAnonymous, null, null, null, null,
                null, null, position);
    }

    /** The listener bridges and clients connect to: the first plain MQTT one. */
    public Optional<Listener> mqttListener() {
        return listeners.stream().filter(l -> l.protocol() == Protocol.MQTT).findFirst();
    }

    public Optional<User> user(String userName) {
        return users.stream().filter(u -> u.name().equals(userName)).findFirst();
    }

    @Override
    public Broker withPosition(Position newPosition) {
        return new Broker(id, name, host, listeners, allowAnonymous, users, acl, persistence, logging, limits,
                extraOptions, newPosition);
    }

    public Broker withName(String newName) {
        return new Broker(id, newName, host, listeners, allowAnonymous, users, acl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withHost(String newHost) {
        return new Broker(id, name, newHost, listeners, allowAnonymous, users, acl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withListeners(List<Listener> newListeners) {
        return new Broker(id, name, host, newListeners, allowAnonymous, users, acl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withAllowAnonymous(boolean newAllowAnonymous) {
        return new Broker(id, name, host, listeners, newAllowAnonymous, users, acl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withUsers(List<User> newUsers) {
        return new Broker(id, name, host, listeners, allowAnonymous, newUsers, acl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withAcl(List<AclRule> newAcl) {
        return new Broker(id, name, host, listeners, allowAnonymous, users, newAcl, persistence, logging, limits,
                extraOptions, position);
    }

    public Broker withPersistence(Persistence newPersistence) {
        return new Broker(id, name, host, listeners, allowAnonymous, users, acl, newPersistence, logging, limits,
                extraOptions, position);
    }
}

package org.mqttstudio.runtime;

import java.util.Optional;

/**
 * Who may connect, publish, subscribe and receive on one embedded broker, asked by its
 * {@link EmbeddedBroker} for every decision. A {@code user} of {@code null} is a client that
 * connected without a user name. Implementations are called on broker threads and must be
 * thread-safe and quick.
 *
 * <p>mosquitto 2.0.11's semantics, measured here: a client without a user name connects only when
 * {@link #anonymousAllowed()}; with a password file, a known user with the right password connects
 * and everyone else (unknown user, wrong or no password) gets CONNACK 5 "not authorised"; without
 * a password file a user name is not checked and the client counts as anonymous for connecting.
 * With an {@code acl_file}, SUBSCRIBE is always granted and each message is checked against the
 * subscriber's read access when it is delivered (retained messages too); a denied PUBLISH is
 * acknowledged and dropped, a denied last will is never sent.
 */
public interface BrokerSecurity {

    /** Everything allowed, like mosquitto with {@code allow_anonymous true} and no password or ACL file. */
    BrokerSecurity OPEN = new BrokerSecurity() {
        @Override
        public boolean anonymousAllowed() {
            return true;
        }

        @Override
        public Optional<Boolean> passwordOk(String user, byte[] password) {
            return Optional.empty();
        }

        @Override
        public boolean mayPublish(String clientId, String user, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(String clientId, String user, String filter) {
            return true;
        }

        @Override
        public boolean mayReceive(String clientId, String user, String topic) {
            return true;
        }
    };

    /** mosquitto's {@code allow_anonymous}. */
    boolean anonymousAllowed();

    /**
     * Checks a user name and password ({@code password} null when the client sent none).
     *
     * @return empty when the broker has no password file (the user name is not checked), else
     *     whether the user exists and the password matches
     */
    Optional<Boolean> passwordOk(String user, byte[] password);

    /**
     * Whether a PUBLISH to {@code topic} is passed on; a denied one is acknowledged and dropped.
     * Also asked for a client's last will when it connects: a denied will is dropped, the client
     * still connects.
     */
    boolean mayPublish(String clientId, String user, String topic);

    /**
     * Whether a subscription is granted; a denied one gets the failure return code (0x80 for
     * MQTT 3.1.1, 0x87 "not authorized" for MQTT 5). mosquitto's ACL file never denies here.
     */
    boolean maySubscribe(String clientId, String user, String filter);

    /** Whether a message on {@code topic} is delivered to this subscriber (mosquitto's read access). */
    boolean mayReceive(String clientId, String user, String topic);
}

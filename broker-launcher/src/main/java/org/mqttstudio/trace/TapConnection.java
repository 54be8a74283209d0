package org.mqttstudio.trace;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A live connection through a {@link WireTap}, as fault rules see it.
 *
 * @param id            the connection's number, as in {@link PacketEvent#connectionId}
 * @param clientAddress the client's address
 * @param clientId      the client id from the CONNECT; null until it was seen
 */
public record TapConnection(long id, InetSocketAddress clientAddress, String clientId) {

    /** Matches the connections of one client id (bridges connect with theirs); never one whose CONNECT is unseen. */
    public static Predicate<TapConnection> withClientId(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return connection -> clientId.equals(connection.clientId());
    }
}

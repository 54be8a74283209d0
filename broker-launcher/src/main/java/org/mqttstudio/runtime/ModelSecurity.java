package org.mqttstudio.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.routing.AclPolicy;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.User;

/** A broker node's users and ACL rules applied as mosquitto 2.0.11 applies its password and ACL files. */
public final class ModelSecurity implements BrokerSecurity {
    private final Broker node;
    private final AclPolicy acl;

    private ModelSecurity(Broker node) {
        this.node = node;
        this.acl = new AclPolicy(node.acl());
    }

    /** The node's security; {@link BrokerSecurity#OPEN} when it has nothing to check. */
    public static BrokerSecurity of(Broker node) {
        return node.allowAnonymous() && node.users().isEmpty() && node.acl().isEmpty() ? OPEN : new ModelSecurity(node);
    }

    @Override
    public boolean anonymousAllowed() {
        return node.allowAnonymous();
    }

    @Override
    public Optional<Boolean> passwordOk(String user, byte[] password) {
        if (node.users().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(password != null && node.user(user).map(User::passwordHash)
                .map(hash -> PasswordHash.verify(new String(password, StandardCharsets.UTF_8), hash)).orElse(false));
    }

    @Override
    public boolean mayPublish(String clientId, String user, String topic) {
        return acl.canWrite(clientId, user, topic);
    }

    /** mosquitto grants every SUBSCRIBE and checks read access per message (measured with 2.0.11). */
    @Override
    public boolean maySubscribe(String clientId, String user, String filter) {
        return true;
    }

    @Override
    public boolean mayReceive(String clientId, String user, String topic) {
        return acl.canRead(clientId, user, topic);
    }
}

package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import java.nio.ByteBuffer;

/**
 * Accepts or refuses a CONNECT as mosquitto does, and remembers the user name on the connection
 * for the ACL checks that follow ({@link ClientAccess}). A CONNECT with the run's
 * {@link LocalBridgeSecret} is the local side of a bridge: accepted whatever the broker's users, and
 * marked trusted (mosquitto runs that side inside the broker, with no login and no ACL); one with
 * any other value for that property is refused.
 */
final class ClientAuthenticator implements SimpleAuthenticator {
    /** The connection attribute holding the authenticated user name. */
    static final String USER_ATTRIBUTE = "org.mqttstudio.user";
    /** The connection attribute present on the local side of a bridge of this run. */
    static final String LOCAL_BRIDGE_ATTRIBUTE = "org.mqttstudio.local-bridge";

    private final BrokerSecurity security;
    private final LocalBridgeSecret bridgeSecret;

    ClientAuthenticator(BrokerSecurity security, LocalBridgeSecret bridgeSecret) {
        this.security = security;
        this.bridgeSecret = bridgeSecret;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        var offered = connect.getUserProperties().getFirst(LocalBridgeSecret.PROPERTY);
        if (offered.isPresent()) {
            if (!bridgeSecret.matches(offered.get())) {
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED);
                return;
            }
            input.getConnectionInformation().getConnectionAttributeStore().putAsString(LOCAL_BRIDGE_ATTRIBUTE, "");
            output.authenticateSuccessfully();
            return;
        }
        String user = connect.getUserName().orElse(null);
        byte[] password = connect.getPassword().map(ClientAuthenticator::bytes).orElse(null);
        if (!mayConnect(user, password)) {
            // MQTT 3.1.1 clients see return code 5 "not authorized", MQTT 5 clients 0x87, as with mosquitto
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED);
            return;
        }
        if (user != null) {
            input.getConnectionInformation().getConnectionAttributeStore().putAsString(USER_ATTRIBUTE, user);
        }
        output.authenticateSuccessfully();
    }

    /** mosquitto's rule: without a password file a user name is not checked and counts as anonymous. */
    boolean mayConnect(String user, byte[] password) {
        if (user == null) {
            return security.anonymousAllowed();
        }
        return security.passwordOk(user, password).orElseGet(security::anonymousAllowed);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

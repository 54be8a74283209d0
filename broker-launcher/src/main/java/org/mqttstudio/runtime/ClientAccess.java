package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;

/**
 * The ACL checks for one connected client. Publishes are filtered with interceptors rather than
 * HiveMQ's PublishAuthorizer, because HiveMQ disconnects an MQTT 3 client whose PUBLISH an
 * authorizer denies (or an interceptor drops with a reason code other than success), while
 * mosquitto acknowledges it and drops it silently.
 */
final class ClientAccess implements SubscriptionAuthorizer, PublishInboundInterceptor, PublishOutboundInterceptor {
    private final BrokerSecurity security;
    private final String clientId;
    private final String user;
    private final boolean mqtt5;

    private ClientAccess(BrokerSecurity security, String clientId, String user, boolean mqtt5) {
        this.security = security;
        this.clientId = clientId;
        this.user = user;
        this.mqtt5 = mqtt5;
    }

    /**
     * The checks for the client of {@code input}, authenticated by {@link ClientAuthenticator}: none for
     * the local side of a bridge ({@link #isLocalBridge}), which mosquitto never checks against its ACL.
     */
    static ClientAccess of(BrokerSecurity security, ClientBasedInput input) {
        String user = input.getConnectionInformation().getConnectionAttributeStore()
                .getAsString(ClientAuthenticator.USER_ATTRIBUTE).orElse(null);
        return new ClientAccess(isLocalBridge(input) ? BrokerSecurity.OPEN : security,
                input.getClientInformation().getClientId(), user,
                input.getConnectionInformation().getMqttVersion() == MqttVersion.V_5);
    }

    /** Whether the client proved with the run's {@link LocalBridgeSecret} that it is the local side of a bridge. */
    static boolean isLocalBridge(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore()
                .get(ClientAuthenticator.LOCAL_BRIDGE_ATTRIBUTE).isPresent();
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (security.maySubscribe(clientId, user, input.getSubscription().getTopicFilter())) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization();
        }
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        if (!security.mayPublish(clientId, user, input.getPublishPacket().getTopic())) {
            // mosquitto: PUBACK/PUBREC 0x87 for MQTT 5, a plain acknowledgement for MQTT 3
            output.preventPublishDelivery(mqtt5 ? AckReasonCode.NOT_AUTHORIZED : AckReasonCode.SUCCESS);
        }
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        if (!security.mayReceive(clientId, user, input.getPublishPacket().getTopic())) {
            output.preventPublishDelivery();
        }
    }
}

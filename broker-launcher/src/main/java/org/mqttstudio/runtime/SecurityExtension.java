package org.mqttstudio.runtime;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.auth.SecurityRegistry;
import java.util.Set;

/**
 * The embedded extension that applies one broker's {@link BrokerSecurity} to its clients (except the
 * local sides of the run's bridges, which prove themselves with its {@link LocalBridgeSecret}), treats
 * the given bridge clients as mosquitto treats {@code try_private} bridges, keeps '$' topics
 * away from wildcard-first filters ({@link DollarTopicDelivery}), grants subscriptions at most
 * the broker's max_qos ({@link MaxQosSubscriptions}) and tells {@link ListenerOwnership} of every
 * CONNECT.
 */
final class SecurityExtension implements ExtensionMain {
    private final BrokerSecurity security;
    private final LocalBridgeSecret bridgeSecret;
    private final Set<String> bridgeClientIds;
    private final int maxQos;
    private final boolean dollarTopics;
    private final ListenerOwnership ownership;

    private SecurityExtension(BrokerSecurity security, LocalBridgeSecret bridgeSecret, Set<String> bridgeClientIds,
                              int maxQos, boolean dollarTopics, ListenerOwnership ownership) {
        this.security = security;
        this.bridgeSecret = bridgeSecret;
        this.bridgeClientIds = bridgeClientIds;
        this.maxQos = maxQos;
        this.dollarTopics = dollarTopics;
        this.ownership = ownership;
    }

    /**
     * @param bridgeSecret what the local sides of the run's bridges show ({@link LocalBridgeSecret})
     * @param maxQos       the broker's effective max_qos (2: no cap)
     * @param dollarTopics whether '$' topics are published on this broker ({@link DollarTopicDelivery#neededOn})
     * @param ownership    the broker's own probe
     */
    static EmbeddedExtension embedded(BrokerSecurity security, LocalBridgeSecret bridgeSecret,
                                      Set<String> bridgeClientIds, int maxQos, boolean dollarTopics,
                                      ListenerOwnership ownership) {
        return EmbeddedExtension.builder()
                .withId("mqtt-studio-security")
                .withName("MQTT Topology Studio security")
                .withVersion("1")
                .withExtensionMain(new SecurityExtension(security, bridgeSecret, bridgeClientIds, maxQos,
                        dollarTopics, ownership))
                .build();
    }

    /**
     * {@code Services} is one static lookup per JVM that points at the broker whose extensions are
     * loading: it is used here only, while {@link EmbeddedBroker} holds its start lock, and the
     * registrations below never call it again.
     */
    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        boolean open = security == BrokerSecurity.OPEN;
        // an open broker admits everyone and checks nothing: trust would add nothing there, so it keeps no
        // authenticator (and HiveMQ's plain path)
        if (!open) {
            ClientAuthenticator authenticator = new ClientAuthenticator(security, bridgeSecret);
            SecurityRegistry registry = Services.securityRegistry();
            registry.setAuthenticatorProvider(providerInput -> authenticator);
            registry.setAuthorizerProvider(providerInput -> ClientAccess.of(security, providerInput));
        }
        WillAccess willAccess = open ? null : new WillAccess(security);
        // the provider runs for each CONNECT before authentication, so before the broker answers it
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(providerInput -> {
            ownership.connecting(providerInput.getClientInformation().getClientId());
            return willAccess;
        });
        PrivateBridgeSubscriptions bridgeSubscriptions = new PrivateBridgeSubscriptions();
        DollarTopicDelivery dollarTopicDelivery = new DollarTopicDelivery(Services.subscriptionStore());
        MaxQosSubscriptions maxQosSubscriptions = maxQos < 2 ? new MaxQosSubscriptions(maxQos) : null;
        Services.initializerRegistry().setClientInitializer((initializerInput, client) -> {
            // on every client of a broker where '$' topics are published, open ones too (EmbeddedBroker).
            // The price: each outbound PUBLISH then hops through HiveMQ's extension executor (an ordinary
            // topic stops at one startsWith check there); a '$' one also reads the recipient's subscriptions.
            if (dollarTopics) {
                client.addPublishOutboundInterceptor(dollarTopicDelivery);
            }
            if (!open && !ClientAccess.isLocalBridge(initializerInput)) {
                ClientAccess access = ClientAccess.of(security, initializerInput);
                client.addPublishInboundInterceptor(access);
                client.addPublishOutboundInterceptor(access);
            }
            if (bridgeClientIds.contains(initializerInput.getClientInformation().getClientId())) {
                client.addSubscribeInboundInterceptor(bridgeSubscriptions);
            }
            if (maxQosSubscriptions != null) {
                client.addSubscribeInboundInterceptor(maxQosSubscriptions);
            }
        });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // the registrations end with the broker
    }
}

package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;

/**
 * What mosquitto does for a bridge that announced itself with {@code try_private}: its subscriptions
 * become no-local (what the bridge published is never sent back to it, so a {@code both} rule does
 * not echo) and retain-as-published (retained messages cross the bridge as retained), even over
 * MQTT 3.1.1 (mosquitto's handle_subscribe.c).
 */
final class PrivateBridgeSubscriptions implements SubscribeInboundInterceptor {
    private static final String SHARED_PREFIX = "$share/";

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            if (!subscription.getTopicFilter().startsWith(SHARED_PREFIX)) { // MQTT forbids no-local on shared ones
                subscription.setNoLocal(true);
            }
            subscription.setRetainAsPublished(true);
        }
    }
}

package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;

/**
 * mosquitto's {@code max_qos} on subscriptions: it grants at most that QoS in the SUBACK. HiveMQ's
 * {@code max-qos} delivers at most that QoS too but grants what was asked, so the subscription is
 * lowered before HiveMQ answers.
 */
final class MaxQosSubscriptions implements SubscribeInboundInterceptor {
    private final Qos max;

    MaxQosSubscriptions(int maxQos) {
        this.max = Qos.valueOf(maxQos);
    }

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            if (subscription.getQos().getQosNumber() > max.getQosNumber()) {
                subscription.setQos(max);
            }
        }
    }
}

package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;

/**
 * Drops a last will its client may not publish, as mosquitto does: the client still connects and
 * the will is never sent. (HiveMQ's own will authorization would refuse the connection instead.)
 */
final class WillAccess implements ConnectInboundInterceptor {
    private final BrokerSecurity security;

    WillAccess(BrokerSecurity security) {
        this.security = security;
    }

    @Override
    public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String willTopic = connect.getWillPublish().map(WillPublishPacket::getTopic).orElse(null);
        if (willTopic != null
                && !security.mayPublish(connect.getClientId(), connect.getUserName().orElse(null), willTopic)) {
            output.getConnectPacket().setWillPublish(null);
        }
    }
}

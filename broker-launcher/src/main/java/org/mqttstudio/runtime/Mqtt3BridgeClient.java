package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A bridge side speaking MQTT 3.1.1 (also used for mosquitto's mqttv31, which hivemq-mqtt-client lacks). */
final class Mqtt3BridgeClient implements BridgeClient {
    private final Options options;
    private final Mqtt3AsyncClient client;

    Mqtt3BridgeClient(Options options, Hooks hooks) {
        if (options.localSecret() != null) {
            throw new IllegalArgumentException("the local side of a bridge speaks MQTT 5 (it sends its secret as a"
                    + " user property)");
        }
        this.options = options;
        this.client = MqttClient.builder().useMqttVersion3().identifier(options.clientId())
                .serverHost(options.endpoint().host()).serverPort(options.endpoint().port())
                .addConnectedListener(hooks.connected()).addDisconnectedListener(hooks.disconnected())
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> hooks.messages().accept(
                new BridgeMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                        publish.getQos().getCode(), publish.isRetain())), hooks.receiver());
    }

    @Override
    public void connect() {
        Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect = client.connectWith()
                .cleanSession(options.cleanSession()).keepAlive(options.keepalive());
        if (options.username() != null) {
            var auth = connect.simpleAuth().username(options.username());
            connect = options.password() == null ? auth.applySimpleAuth()
                    : auth.password(options.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        BridgeMessage will = options.will();
        if (will != null) {
            connect = connect.willPublish().topic(will.topic()).qos(MqttQos.fromCode(will.qos()))
                    .retain(will.retain()).payload(will.payload()).applyWillPublish();
        }
        connect.send();
    }

    @Override
    public CompletableFuture<?> subscribe(String filter, int qos, boolean noLocal) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send();
    }

    @Override
    public CompletableFuture<?> publish(BridgeMessage message) {
        return client.publish(Mqtt3Publish.builder().topic(message.topic()).qos(MqttQos.fromCode(message.qos()))
                .retain(message.retain()).payload(message.payload()).build());
    }

    @Override
    public CompletableFuture<?> disconnect() {
        return client.disconnect();
    }

    @Override
    public boolean isConnected() {
        return client.getState().isConnected();
    }
}

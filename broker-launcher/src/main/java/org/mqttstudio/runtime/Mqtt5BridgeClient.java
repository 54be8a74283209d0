package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A bridge side speaking MQTT 5: the local side always (it stands in for mosquitto's internal bridge
 * context, whose subscriptions are no-local and retain-as-published) and a remote side with
 * {@code bridge_protocol_version mqttv50}.
 */
final class Mqtt5BridgeClient implements BridgeClient {
    private final Options options;
    private final Mqtt5AsyncClient client;

    Mqtt5BridgeClient(Options options, Hooks hooks) {
        this.options = options;
        this.client = MqttClient.builder().useMqttVersion5().identifier(options.clientId())
                .serverHost(options.endpoint().host()).serverPort(options.endpoint().port())
                .addConnectedListener(hooks.connected()).addDisconnectedListener(hooks.disconnected())
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> hooks.messages().accept(
                new BridgeMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                        publish.getQos().getCode(), publish.isRetain())), hooks.receiver());
    }

    @Override
    public void connect() {
        // cleansession false: the broker keeps the session until the bridge comes back, however long
        Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect = client.connectWith()
                .cleanStart(options.cleanSession()).keepAlive(options.keepalive())
                .sessionExpiryInterval(options.cleanSession() ? 0 : Mqtt5Connect.NO_SESSION_EXPIRY);
        if (options.username() != null) {
            var auth = connect.simpleAuth().username(options.username());
            connect = options.password() == null ? auth.applySimpleAuth()
                    : auth.password(options.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        if (options.localSecret() != null) {
            connect = connect.userProperties().add(LocalBridgeSecret.PROPERTY, options.localSecret().value())
                    .applyUserProperties();
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
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).noLocal(noLocal)
                .retainAsPublished(true).send();
    }

    @Override
    public CompletableFuture<?> publish(BridgeMessage message) {
        return client.publish(Mqtt5Publish.builder().topic(message.topic()).qos(MqttQos.fromCode(message.qos()))
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

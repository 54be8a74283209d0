package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One side of a bridge: a hivemq-mqtt-client connection speaking MQTT 3.1.1 or 5. One instance
 * lives as long as the bridge, so its session (queued and in-flight QoS 1/2 publishes) survives
 * reconnects.
 */
interface BridgeClient {

    /**
     * How to connect; {@code username}, {@code will} and {@code localSecret} may be null. {@code localSecret}
     * is the local side's proof for its broker ({@link LocalBridgeSecret}), sent by MQTT 5 clients only.
     */
    record Options(String clientId, Endpoint endpoint, boolean cleanSession, int keepalive, String username,
            String password, BridgeMessage will, LocalBridgeSecret localSecret) {
    }

    /**
     * What the client reports: connection events on hivemq's threads, received messages on
     * {@code receiver} (one thread, in order) so that the handler may publish.
     */
    record Hooks(MqttClientConnectedListener connected, MqttClientDisconnectedListener disconnected,
            Consumer<BridgeMessage> messages, Executor receiver) {
    }

    static BridgeClient create(boolean mqtt5, Options options, Hooks hooks) {
        return mqtt5 ? new Mqtt5BridgeClient(options, hooks) : new Mqtt3BridgeClient(options, hooks);
    }

    /** Starts the first connection attempt; later ones are the disconnected hook's business. */
    void connect();

    /**
     * @param noLocal MQTT 5 only: do not receive what this client published (MQTT 3.1.1 has no such
     *     option; an embedded remote applies it to private bridges itself)
     */
    CompletableFuture<?> subscribe(String filter, int qos, boolean noLocal);

    /** Publishes, or queues while reconnecting. */
    CompletableFuture<?> publish(BridgeMessage message);

    /** Disconnects cleanly (the will is not sent); the disconnected hook sees a USER source. */
    CompletableFuture<?> disconnect();

    boolean isConnected();
}

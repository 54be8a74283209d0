package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.MqttVersion;

/**
 * One simulated client's connection on hivemq-mqtt-client, hiding its separate MQTT 3 and MQTT 5
 * APIs. It reconnects by itself (0.5 s, backing off to 2 s) so that cut links and restarted
 * brokers heal. MQTT 3.1 runs as 3.1.1: the library speaks only 3.1.1 and 5. Callbacks run on the
 * library's threads and must only hand work off.
 */
abstract class ClientSession {
    private static final Duration RECONNECT_FIRST = Duration.ofMillis(500);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(2);

    /** What the session tells its owner; called on client threads. */
    interface Listener {
        void connected();

        /** The connection was lost or refused, not closed by us; it will retry. */
        void disconnected(String reason);
    }

    /** A received message; called on client threads. */
    interface MessageHandler {
        void handle(String topic, byte[] payload, int qos, boolean retain);
    }

    protected final ClientSettings settings;

    private ClientSession(ClientSettings settings) {
        this.settings = settings;
    }

    static ClientSession create(ClientSettings settings, Endpoint endpoint, Listener listener) {
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .automaticReconnect()
                .initialDelay(RECONNECT_FIRST.toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(RECONNECT_MAX.toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> listener.connected())
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        listener.disconnected(reason(context));
                    }
                });
        return settings.mqttVersion() == MqttVersion.V5
                ? new V5(settings, builder.useMqttVersion5().buildAsync())
                : new V3(settings, builder.useMqttVersion3().buildAsync());
    }

    /** The note for the status line when the model asks for a version the library lacks. */
    static String versionNote(ClientSettings settings) {
        return settings.mqttVersion() == MqttVersion.V3_1
                ? "MQTT 3.1 runs as 3.1.1 (the client library speaks 3.1.1 and 5)" : "";
    }

    abstract CompletableFuture<Void> connect();

    abstract boolean isConnected();

    /** Completes when the QoS flow is complete (at once for QoS 0 once written). */
    abstract CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain);

    /**
     * Hands every PUBLISH packet received to {@code handler}, once per packet however many filters match it
     * (the library's per-subscription callbacks run once per matching filter); call before {@link #connect}.
     */
    abstract void onEveryMessage(MessageHandler handler);

    /** Subscribes; what arrives goes to the {@link #onEveryMessage} handler. */
    abstract CompletableFuture<Void> subscribe(String filter, int qos);

    /** Disconnects (or stops reconnecting); completes when done. */
    abstract CompletableFuture<Void> disconnect();

    private static String reason(MqttClientDisconnectedContext context) {
        Throwable cause = context.getCause();
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static byte[] utf8(String password) {
        return password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    }

    private static final class V3 extends ClientSession {
        private final Mqtt3AsyncClient client;

        V3(ClientSettings settings, Mqtt3AsyncClient client) {
            super(settings);
            this.client = client;
        }

        @Override
        CompletableFuture<Void> connect() {
            var connect = client.connectWith().cleanSession(settings.cleanSession()).keepAlive(settings.keepalive());
            if (settings.username() != null) {
                connect = connect.simpleAuth().username(settings.username()).password(utf8(settings.password()))
                        .applySimpleAuth();
            }
            return connect.send().thenApply(ack -> null);
        }

        @Override
        boolean isConnected() {
            return client.getState().isConnected();
        }

        @Override
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
            return client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).retain(retain)
                    .send().thenApply(done -> null);
        }

        @Override
        void onEveryMessage(MessageHandler handler) {
            client.publishes(MqttGlobalPublishFilter.ALL, (Mqtt3Publish p) -> handler.handle(p.getTopic().toString(),
                    p.getPayloadAsBytes(), p.getQos().getCode(), p.isRetain()));
        }

        @Override
        CompletableFuture<Void> subscribe(String filter, int qos) {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> null);
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect().exceptionally(notConnected -> null);
        }
    }

    private static final class V5 extends ClientSession {
        /** MQTT 5's "never expires", for clean session false. */
        private static final long KEEP_SESSION = 0xFFFF_FFFFL;

        private final Mqtt5AsyncClient client;

        V5(ClientSettings settings, Mqtt5AsyncClient client) {
            super(settings);
            this.client = client;
        }

        @Override
        CompletableFuture<Void> connect() {
            var connect = client.connectWith().cleanStart(settings.cleanSession()).keepAlive(settings.keepalive())
                    .sessionExpiryInterval(settings.cleanSession() ? 0 : KEEP_SESSION);
            if (settings.username() != null) {
                connect = connect.simpleAuth().username(settings.username()).password(utf8(settings.password()))
                        .applySimpleAuth();
            }
            return connect.send().thenApply(ack -> null);
        }

        @Override
        boolean isConnected() {
            return client.getState().isConnected();
        }

        @Override
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
            return client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).retain(retain)
                    .send().thenCompose(result -> result.getError()
                            .<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                            .orElseGet(() -> CompletableFuture.completedFuture(null)));
        }

        @Override
        void onEveryMessage(MessageHandler handler) {
            client.publishes(MqttGlobalPublishFilter.ALL, (Mqtt5Publish p) -> handler.handle(p.getTopic().toString(),
                    p.getPayloadAsBytes(), p.getQos().getCode(), p.isRetain()));
        }

        @Override
        CompletableFuture<Void> subscribe(String filter, int qos) {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> null);
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect().exceptionally(notConnected -> null);
        }
    }
}

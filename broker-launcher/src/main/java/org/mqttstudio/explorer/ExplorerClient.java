package org.mqttstudio.explorer;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * hivemq-mqtt-client for one explorer connection, hiding its separate MQTT 3 and MQTT 5 APIs. Every message the
 * connection receives (for any of its subscriptions, retained ones included) goes to one consumer, on the
 * library's thread.
 */
abstract class ExplorerClient {
    /** How long a TCP connect, a TLS handshake and the CONNECT/CONNACK may take each: a wrong port fails, not hangs. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    protected final ConnectionProfile profile;

    private ExplorerClient(ConnectionProfile profile) {
        this.profile = profile;
    }

    static ExplorerClient create(ConnectionProfile profile, MqttClientConnectedListener connected,
            MqttClientDisconnectedListener disconnected, Consumer<ExplorerMessage> messages) {
        MqttClientBuilder builder = MqttClient.builder().identifier(profile.clientId())
                .transportConfig(transport(profile))
                .addConnectedListener(connected)
                .addDisconnectedListener(disconnected);
        return profile.version() == ProtocolVersion.V5
                ? new V5(profile, builder.useMqttVersion5().buildAsync(), messages)
                : new V3(profile, builder.useMqttVersion3().buildAsync(), messages);
    }

    private static MqttClientTransportConfig transport(ConnectionProfile profile) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(profile.host()).serverPort(profile.port())
                .socketConnectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (profile.transport() == Transport.WEBSOCKET) {
            transport = transport.webSocketConfig(MqttWebSocketConfig.builder()
                    .serverPath(profile.webSocketPath()).build());
        }
        if (profile.tls().isPresent()) {
            transport = transport.sslConfig(ssl(profile.tls().get()));
        }
        return transport.build();
    }

    private static MqttClientSslConfig ssl(TlsSettings tls) {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder()
                .handshakeTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        ssl = TlsFactories.trust(tls.caFile()).map(ssl::trustManagerFactory).orElse(ssl);
        ssl = TlsFactories.keys(tls).map(ssl::keyManagerFactory).orElse(ssl);
        if (tls.insecure()) {
            ssl = ssl.hostnameVerifier((host, session) -> true); // the user chose it; the form shows a warning
        }
        return ssl.build();
    }

    abstract CompletableFuture<Void> connect();

    abstract CompletableFuture<SubscribeResult> subscribe(String filter, int qos);

    abstract CompletableFuture<Void> unsubscribe(String filter);

    abstract CompletableFuture<PublishResult> publish(OutgoingMessage message);

    abstract CompletableFuture<Void> disconnect();

    abstract boolean isConnected();

    /**
     * The library fails a SUBACK that refuses every filter; that refusal is an answer to show, anything else
     * (connection lost, timeout) stays a failure.
     */
    private static <E extends Throwable> E refusal(Throwable failure, Class<E> refusalType) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (refusalType.isInstance(cause)) {
            return refusalType.cast(cause);
        }
        throw failure instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(cause);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class V3 extends ExplorerClient {
        private final Mqtt3AsyncClient client;

        V3(ConnectionProfile profile, Mqtt3AsyncClient client, Consumer<ExplorerMessage> messages) {
            super(profile);
            this.client = client;
            client.publishes(MqttGlobalPublishFilter.ALL, (Mqtt3Publish p) -> messages.accept(new ExplorerMessage(
                    Instant.now(), p.getTopic().toString(), p.getPayloadAsBytes(), p.getQos().getCode(),
                    p.isRetain(), Mqtt5Details.NONE)));
        }

        @Override
        CompletableFuture<Void> connect() {
            var connect = client.connectWith().cleanSession(profile.cleanStart())
                    .keepAlive(profile.keepAliveSeconds());
            if (profile.username().isPresent()) {
                var auth = Mqtt3SimpleAuth.builder().username(profile.username().get());
                connect = connect.simpleAuth(profile.password().isPresent()
                        ? auth.password(utf8(profile.password().get())).build() : auth.build());
            }
            if (profile.will().isPresent()) {
                WillMessage will = profile.will().get();
                connect = connect.willPublish().topic(will.topic()).payload(will.payloadBytes())
                        .qos(MqttQos.fromCode(will.qos())).retain(will.retain()).applyWillPublish();
            }
            return connect.send().thenApply(ack -> null);
        }

        @Override
        CompletableFuture<SubscribeResult> subscribe(String filter, int qos) {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send()
                    .handle((ack, failure) -> {
                        Mqtt3SubAck answer = failure == null ? ack : refusal(failure, Mqtt3SubAckException.class)
                                .getMqttMessage();
                        Mqtt3SubAckReturnCode code = answer.getReturnCodes().get(0);
                        return code.isError()
                                ? new SubscribeResult(filter, qos, Optional.empty(),
                                        Optional.of("refused by the broker: " + ReasonWords.of(code, code.getCode())))
                                : new SubscribeResult(filter, qos, Optional.of(code.getCode()), Optional.empty());
                    });
        }

        @Override
        CompletableFuture<Void> unsubscribe(String filter) {
            return client.unsubscribeWith().topicFilter(filter).send();
        }

        @Override
        CompletableFuture<PublishResult> publish(OutgoingMessage message) {
            return client.publishWith().topic(message.topic()).payload(message.payload())
                    .qos(MqttQos.fromCode(message.qos())).retain(message.retain()).send()
                    .thenApply(done -> new PublishResult(true, switch (message.qos()) {
                        case 0 -> "sent (QoS 0: no acknowledgement)";
                        case 1 -> "PUBACK received";
                        default -> "PUBREC and PUBCOMP received";
                    }));
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect().exceptionally(notConnected -> null);
        }

        @Override
        boolean isConnected() {
            return client.getState().isConnected();
        }
    }

    private static final class V5 extends ExplorerClient {
        private final Mqtt5AsyncClient client;

        V5(ConnectionProfile profile, Mqtt5AsyncClient client, Consumer<ExplorerMessage> messages) {
            super(profile);
            this.client = client;
            client.publishes(MqttGlobalPublishFilter.ALL, (Mqtt5Publish p) -> messages.accept(new ExplorerMessage(
                    Instant.now(), p.getTopic().toString(), p.getPayloadAsBytes(), p.getQos().getCode(),
                    p.isRetain(), details(p))));
        }

        private static Mqtt5Details details(Mqtt5Publish p) {
            List<UserProperty> user = new ArrayList<>();
            p.getUserProperties().asList().forEach(u -> user.add(new UserProperty(u.getName().toString(),
                    u.getValue().toString())));
            return new Mqtt5Details(user, p.getContentType().map(Object::toString),
                    p.getPayloadFormatIndicator().map(f -> f == Mqtt5PayloadFormatIndicator.UTF_8),
                    p.getMessageExpiryInterval().isPresent()
                            ? Optional.of(p.getMessageExpiryInterval().getAsLong()) : Optional.empty(),
                    p.getResponseTopic().map(Object::toString), p.getCorrelationData().map(V5::bytes));
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }

        @Override
        CompletableFuture<Void> connect() {
            var connect = client.connectWith().cleanStart(profile.cleanStart()).keepAlive(profile.keepAliveSeconds())
                    .sessionExpiryInterval(profile.sessionExpirySeconds());
            if (profile.username().isPresent() && profile.password().isPresent()) {
                connect = connect.simpleAuth(Mqtt5SimpleAuth.builder().username(profile.username().get())
                        .password(utf8(profile.password().get())).build());
            } else if (profile.username().isPresent()) {
                connect = connect.simpleAuth(Mqtt5SimpleAuth.builder().username(profile.username().get()).build());
            } else if (profile.password().isPresent()) {
                connect = connect.simpleAuth(Mqtt5SimpleAuth.builder().password(utf8(profile.password().get())).build());
            }
            if (profile.will().isPresent()) {
                WillMessage will = profile.will().get();
                connect = connect.willPublish().topic(will.topic()).payload(will.payloadBytes())
                        .qos(MqttQos.fromCode(will.qos())).retain(will.retain()).applyWillPublish();
            }
            return connect.send().thenApply(ack -> null);
        }

        @Override
        CompletableFuture<SubscribeResult> subscribe(String filter, int qos) {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send()
                    .handle((ack, failure) -> {
                        Mqtt5SubAck answer = failure == null ? ack : refusal(failure, Mqtt5SubAckException.class)
                                .getMqttMessage();
                        Mqtt5SubAckReasonCode code = answer.getReasonCodes().get(0);
                        return code.isError()
                                ? new SubscribeResult(filter, qos, Optional.empty(), Optional.of("refused by the broker: "
                                        + ReasonWords.of(code, code.getCode())
                                        + answer.getReasonString().map(r -> " — " + r).orElse("")))
                                : new SubscribeResult(filter, qos, Optional.of(code.getCode()), Optional.empty());
                    });
        }

        @Override
        CompletableFuture<Void> unsubscribe(String filter) {
            return client.unsubscribeWith().topicFilter(filter).send().thenApply(ack -> null);
        }

        @Override
        CompletableFuture<PublishResult> publish(OutgoingMessage message) {
            Mqtt5PublishBuilder.Complete publish = Mqtt5Publish.builder().topic(message.topic())
                    .payload(message.payload()).qos(MqttQos.fromCode(message.qos())).retain(message.retain());
            if (!message.userProperties().isEmpty()) {
                var properties = Mqtt5UserProperties.builder();
                message.userProperties().forEach(u -> properties.add(u.name(), u.value()));
                publish = publish.userProperties(properties.build());
            }
            if (message.contentType().isPresent()) {
                publish = publish.contentType(message.contentType().get());
            }
            if (message.messageExpirySeconds().isPresent()) {
                publish = publish.messageExpiryInterval(message.messageExpirySeconds().get());
            }
            if (message.responseTopic().isPresent()) {
                publish = publish.responseTopic(message.responseTopic().get());
            }
            if (message.correlationData().isPresent()) {
                publish = publish.correlationData(message.correlationData().get());
            }
            return client.publish(publish.build()).thenApply(V5::result);
        }

        private static PublishResult result(Mqtt5PublishResult result) {
            if (result.getError().isPresent()) {
                return new PublishResult(false, "failed: " + result.getError().get().getMessage());
            }
            if (result instanceof Mqtt5PublishResult.Mqtt5Qos2Result qos2) {
                var code = qos2.getPubRec().getReasonCode();
                return new PublishResult(!code.isError(), "PUBREC: " + ReasonWords.of(code, code.getCode())
                        + (code.isError() ? "" : ", PUBCOMP received"));
            }
            if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
                var code = qos1.getPubAck().getReasonCode();
                return new PublishResult(!code.isError(), "PUBACK: " + ReasonWords.of(code, code.getCode()));
            }
            return new PublishResult(true, "sent (QoS 0: no acknowledgement)");
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect().exceptionally(notConnected -> null);
        }

        @Override
        boolean isConnected() {
            return client.getState().isConnected();
        }
    }
}

package org.mqttstudio.runtime;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

/**
 * Tells whether the listener answering on a port is one embedded broker's own. HiveMQ logs a listener
 * it could not bind and starts without it, so a port that accepts connections after the start may be
 * another broker's (another run in this JVM given the same free port). A probe client connects with a
 * client id unique to this broker; only this broker's extension hears of it ({@link #connecting}), and
 * before the broker answers the CONNECT.
 *
 * <p>Not HiveMQ's AdminService: its {@code ServerInformation.getListener()} lists the configured
 * listeners, bound or not (ServerInformationImpl in HiveMQ CE 2025.5 reads the listener configuration).
 */
final class ListenerOwnership {
    /** Generous: a busy broker is slow to answer, and a wrong "not mine" fails a user's port. */
    private static final Duration ANSWER_MAX = Duration.ofSeconds(5);

    private final String clientIdPrefix = "mqtt-studio-probe-" + UUID.randomUUID() + "-";
    private final Set<String> heard = ConcurrentHashMap.newKeySet();

    /** Called by the broker's extension with the client id of each CONNECT it receives. */
    void connecting(String clientId) {
        if (clientId.startsWith(clientIdPrefix)) {
            heard.add(clientId);
        }
    }

    /**
     * Whether the broker answering on the port is this one: a probe client connects (anonymously, so it
     * may be refused: either answer will do) and waits for the answer, at most 5 s.
     */
    boolean owns(Listener listener, int port) {
        String clientId = clientIdPrefix + port;
        Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost(PortPlan.HOST).serverPort(port)
                .transportConfig()
                .socketConnectTimeout(ANSWER_MAX.toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(ANSWER_MAX.toMillis(), TimeUnit.MILLISECONDS)
                .applyTransportConfig();
        if (listener.protocol() == Protocol.WEBSOCKETS) {
            builder = builder.webSocketConfig().serverPath(HiveMqConfig.WEBSOCKET_PATH.substring(1))
                    .applyWebSocketConfig();
        }
        Mqtt3AsyncClient client = builder.buildAsync();
        try {
            client.connect().join();
            client.disconnect();
        } catch (CompletionException refusedOrSilent) {
            // who answered is what counts, not how
        }
        return heard.contains(clientId);
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;
import org.mqttstudio.trace.Transport;

/**
 * A broker with a TCP and a WebSocket listener, on both runtimes: a client subscribing over WebSocket, through its
 * tap, and one publishing over TCP. The trace holds the WebSocket client's packets, decoded from inside the frames
 * and marked WEBSOCKET, beside the TCP client's.
 */
class WebSocketTraceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Listener TCP = Listener.mqtt(1883);
    private static final Listener WEBSOCKET = new Listener(1884, Protocol.WEBSOCKETS, null);
    private static final Broker EDGE = new Broker("edge", null, null, List.of(TCP, WEBSOCKET), true, null, null,
            null, null, null, null, null);
    private static final Topology TOPOLOGY = Topology.of("websockets", List.of(EDGE), List.of(), List.of(),
            List.of(), List.of());

    @ParameterizedTest
    @EnumSource(RunOptions.Runtime.class)
    void aWebSocketClientsPacketsAreTracedAsWebSocket(RunOptions.Runtime runtime) throws IOException {
        try (TopologyRunner runner = TopologyRunner.start(TOPOLOGY, RunOptions.defaults().withRuntime(runtime)
                .withPortOffset(ChallengeRunTest.freeOffset(TOPOLOGY)))) {
            assertThat(runner.status("edge")).hasValueSatisfying(s -> {
                assertThat(s.state()).as(s.message()).isEqualTo(NodeStatus.State.RUNNING);
                assertThat(s.message()).contains(runner.ports().nodePort(WEBSOCKET) + " websockets (broker on ");
            });
            assertThat(runner.ports().internalPorts(EDGE).get(WEBSOCKET)).as("the broker's own port, behind the tap")
                    .isNotEqualTo(runner.ports().nodePort(WEBSOCKET));
            Mqtt3BlockingClient overWebSocket = TestClient.builder(runner.ports().nodePort(WEBSOCKET))
                    .identifier("ws-subscriber").webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                    .buildBlocking();
            try (TestClient subscriber = TestClient.connect(overWebSocket);
                    TestClient publisher = TestClient.connect(TestClient.builder(runner.ports().nodePort(TCP))
                            .identifier("tcp-publisher").buildBlocking())) {
                subscriber.subscribe("ws/#", 1);
                publisher.publish("ws/hello", "from tcp to a browser", 1);
                await().atMost(WAIT).until(() -> subscriber.received().contains("ws/hello=from tcp to a browser"));

                await().atMost(WAIT).untilAsserted(() -> assertThat(of(runner, "ws-subscriber"))
                        .extracting(PacketEvent::transport, PacketEvent::direction, PacketEvent::type,
                                PacketEvent::topic, PacketEvent::payloadText)
                        .contains(tuple(Transport.WEBSOCKET, PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT,
                                        null, null),
                                tuple(Transport.WEBSOCKET, PacketDirection.BROKER_TO_CLIENT, PacketType.CONNACK,
                                        null, null),
                                tuple(Transport.WEBSOCKET, PacketDirection.CLIENT_TO_BROKER, PacketType.SUBSCRIBE,
                                        null, null),
                                tuple(Transport.WEBSOCKET, PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH,
                                        "ws/hello", "from tcp to a browser"),
                                tuple(Transport.WEBSOCKET, PacketDirection.CLIENT_TO_BROKER, PacketType.PUBACK,
                                        null, null)));
            }
            assertThat(upgradeAnswer(runner.ports().nodePort(WEBSOCKET))).startsWith("HTTP/1.1 101 ")
                    .as("no compressed frames the tap could not read").doesNotContainIgnoringCase("extensions");
            List<PacketEvent> trace = runner.packets().snapshot().stream().map(SequencedPacket::event).toList();
            PacketEvent delivered = of(runner, "ws-subscriber").stream()
                    .filter(e -> e.type() == PacketType.PUBLISH).findFirst().orElseThrow();
            assertThat(of(runner, "ws-subscriber")).filteredOn(e -> e.type() == PacketType.PUBACK)
                    .extracting(PacketEvent::packetId).contains(delivered.packetId());
            assertThat(delivered.nodePort()).isEqualTo(runner.ports().nodePort(WEBSOCKET));
            assertThat(of(runner, "tcp-publisher")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.transport()).isEqualTo(Transport.TCP))
                    .as("the node's taps number connections together: (node, connection id) is one connection")
                    .allSatisfy(e -> assertThat(e.connectionId()).isNotEqualTo(delivered.connectionId()));
            assertThat(trace).noneMatch(e -> e.type() == PacketType.MALFORMED);
        }
    }

    /** The head of the broker's answer to a browser-like upgrade request that offers permessage-deflate. */
    private static String upgradeAnswer(int port) throws IOException {
        try (Socket socket = new Socket(PortPlan.HOST, port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET /mqtt HTTP/1.1\r\nHost: " + PortPlan.HOST + ":" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            InputStream in = socket.getInputStream();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }
    }

    private static List<PacketEvent> of(TopologyRunner runner, String clientId) {
        return runner.packets().snapshot().stream().map(SequencedPacket::event).filter(e -> clientId.equals(e.clientId())).toList();
    }
}

package org.mqttstudio.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.mqttstudio.trace.WebSocketBytes.CONNECT;
import static org.mqttstudio.trace.WebSocketBytes.PINGREQ;
import static org.mqttstudio.trace.WebSocketBytes.PUBLISH;
import static org.mqttstudio.trace.WebSocketBytes.SUBSCRIBE;
import static org.mqttstudio.trace.WebSocketBytes.UPGRADE_ANSWER;
import static org.mqttstudio.trace.WebSocketBytes.UPGRADE_REQUEST;
import static org.mqttstudio.trace.WebSocketBytes.brokerStream;
import static org.mqttstudio.trace.WebSocketBytes.clientStream;
import static org.mqttstudio.trace.WebSocketBytes.oddChunks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket tap between a raw client and a scripted server: the bytes of both directions (upgrade, masked and
 * fragmented frames, control frames) arrive untouched, and the trace holds the MQTT packets inside them.
 */
class WebSocketTapTest {
    private static final InetSocketAddress ANY_LOCAL_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Recorder recorder = new Recorder();

    @Test
    void framesPassUntouchedBothWaysAndTheMqttInsideIsTraced() throws Exception {
        byte[] fromClient = clientStream();
        byte[] fromBroker = brokerStream();
        try (ScriptedServer server = new ScriptedServer(fromBroker, fromClient.length);
                WireTap tap = tap(server);
                Socket client = new Socket("127.0.0.1", tap.port())) {
            client.setTcpNoDelay(true);
            writeInOddChunks(client.getOutputStream(), fromClient);

            assertThat(client.getInputStream().readNBytes(fromBroker.length)).isEqualTo(fromBroker);
            assertThat(server.received().get(15, TimeUnit.SECONDS)).isEqualTo(fromClient);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(recorder.snapshot())
                .extracting(PacketEvent::transport, PacketEvent::clientId, PacketEvent::direction, PacketEvent::type)
                .containsExactlyInAnyOrder(
                        tuple(Transport.WEBSOCKET, "ws-1", PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT),
                        tuple(Transport.WEBSOCKET, "ws-1", PacketDirection.CLIENT_TO_BROKER, PacketType.SUBSCRIBE),
                        tuple(Transport.WEBSOCKET, "ws-1", PacketDirection.CLIENT_TO_BROKER, PacketType.PINGREQ),
                        tuple(Transport.WEBSOCKET, "ws-1", PacketDirection.CLIENT_TO_BROKER, PacketType.PUBLISH),
                        tuple(Transport.WEBSOCKET, "ws-1", PacketDirection.BROKER_TO_CLIENT, PacketType.PUBLISH)));
        assertThat(recorder.snapshot()).extracting(PacketEvent::raw)
                .containsExactlyInAnyOrder(CONNECT, SUBSCRIBE, PINGREQ, PUBLISH, PUBLISH);
    }

    @Test
    void aCutClientIdIsRefusedAtItsConnectFrameAfterTheUpgradePassed() throws Exception {
        try (ScriptedServer server = new ScriptedServer(UPGRADE_ANSWER, Integer.MAX_VALUE);
                WireTap tap = tap(server);
                Socket client = new Socket("127.0.0.1", tap.port())) {
            tap.cut(TapConnection.withClientId("ws-1"));
            client.setTcpNoDelay(true);
            OutputStream out = client.getOutputStream();
            out.write(UPGRADE_REQUEST);
            out.flush();
            assertThat(client.getInputStream().readNBytes(UPGRADE_ANSWER.length)).isEqualTo(UPGRADE_ANSWER);
            out.write(clientStream(), UPGRADE_REQUEST.length, clientStream().length - UPGRADE_REQUEST.length);
            out.flush();

            assertThat(client.getInputStream().readAllBytes()).as("after the answer, the tap closes").isEmpty();
            assertThat(server.received().get(15, TimeUnit.SECONDS)).isEqualTo(UPGRADE_REQUEST);
        }
    }

    private WireTap tap(ScriptedServer server) {
        return WireTap.builder("ws", ANY_LOCAL_PORT, server.address()).transport(Transport.WEBSOCKET)
                .sink(recorder).start();
    }

    private static void writeInOddChunks(OutputStream out, byte[] bytes) throws IOException {
        for (byte[] chunk : oddChunks(bytes)) {
            out.write(chunk);
            out.flush();
        }
    }

    /**
     * One connection: answers the upgrade request with {@code answer} (after the request's head, whatever else is
     * in the read), then collects what the client sends, up to {@code expected} bytes or the end of the stream.
     */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();
        private final Thread thread;

        ScriptedServer(byte[] answer, int expected) throws IOException {
            this.thread = new Thread(() -> serve(answer, expected), "scripted-websocket-server");
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getLocalPort());
        }

        CompletableFuture<byte[]> received() {
            return received;
        }

        private void serve(byte[] answer, int expected) {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                socket.setTcpNoDelay(true);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                boolean answered = false;
                byte[] buffer = new byte[4096];
                while (got.size() < expected) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    got.write(buffer, 0, n);
                    if (!answered && got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        answered = true;
                        writeInOddChunks(socket.getOutputStream(), answer);
                    }
                }
                received.complete(got.toByteArray());
                socket.getInputStream().readAllBytes(); // until the client closes
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

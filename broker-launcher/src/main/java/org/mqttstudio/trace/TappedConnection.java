package org.mqttstudio.trace;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client connection through a tap: the accepted socket, its socket to the broker, a forwarder and a capture
 * per direction. Both sockets share one event loop, which forwards the bytes and hands a copy to the tap's
 * {@link TapDecoder}; decoding (and the {@link Emitter}s' state) lives on that decoder's thread.
 */
final class TappedConnection {
    private final WireTap tap;
    private final long id;
    private final Channel client;
    private final InetSocketAddress clientAddress;
    private final Capture fromClient;
    private final Capture fromBroker;
    /** Decodes the client's first packet on the event loop, for the client id a cut may name; then dropped. */
    private StreamDecoder connectProbe;
    private boolean probed;
    private Channel broker;
    private Forwarder toBroker;
    private Forwarder toClient;
    private volatile String clientId;
    private Integer protocolVersion; // decoder thread only

    TappedConnection(WireTap tap, long id, Channel client) {
        this.tap = tap;
        this.id = id;
        this.client = client;
        this.clientAddress = (InetSocketAddress) client.remoteAddress();
        this.fromClient = new Capture(new Emitter(PacketDirection.CLIENT_TO_BROKER), false);
        this.fromBroker = new Capture(new Emitter(PacketDirection.BROKER_TO_CLIENT), true);
        this.connectProbe = streamDecoder(new MqttStreamDecoder(new ConnectProbe()), false);
    }

    /** What reads one direction's bytes into the MQTT decoder: itself on TCP, a WebSocket frame reader in front. */
    private StreamDecoder streamDecoder(MqttStreamDecoder mqtt, boolean fromBroker) {
        return tap.transport() == Transport.WEBSOCKET ? new WebSocketStreamDecoder(mqtt, fromBroker) : mqtt;
    }

    TapConnection view() {
        return new TapConnection(id, clientAddress, clientId);
    }

    /** The handler for the accepted socket, whose autoRead is off until the broker side is connected. */
    ChannelInboundHandlerAdapter clientHandler() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                if (tap.isCut(TappedConnection.this)) {
                    client.close();
                } else {
                    connectBroker();
                }
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                fromClient((ByteBuf) msg);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                if (toBroker != null) {
                    toBroker.flush();
                }
            }

            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (broker != null) {
                    broker.config().setAutoRead(client.isWritable());
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                endProbe();
                fromClient.end();
                if (toBroker != null) {
                    toBroker.close();
                } else {
                    fromBroker.end();
                }
                tap.forget(id);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                client.close();
            }
        };
    }

    /** Drops the connection now (a cut); runs on the connection's event loop. */
    void drop() {
        client.eventLoop().execute(() -> {
            client.close();
            if (broker != null) {
                broker.close();
            }
        });
    }

    private void connectBroker() {
        ChannelFuture connecting = new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(brokerHandler())
                .connect(tap.upstream());
        broker = connecting.channel();
        connecting.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                client.close();
                return;
            }
            if (!client.isActive()) {
                broker.close();
                return;
            }
            toBroker = new Forwarder(broker, client);
            toClient = new Forwarder(client, broker);
            client.config().setAutoRead(true);
        });
    }

    private ChannelInboundHandlerAdapter brokerHandler() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                fromBroker((ByteBuf) msg);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                if (toClient != null) {
                    toClient.flush();
                }
            }

            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                client.config().setAutoRead(broker.isWritable());
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                fromBroker.end();
                if (toClient != null) {
                    toClient.close();
                } else {
                    client.close();
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                broker.close();
            }
        };
    }

    private void fromClient(ByteBuf bytes) {
        Instant now = Instant.now();
        byte[] copy = ByteBufUtil.getBytes(bytes);
        if (connectProbe != null) {
            connectProbe.feed(copy, now);
            if (probed) {
                endProbe();
            }
        }
        fromClient.capture(copy, now);
        // A CONNECT in these bytes may have named a cut client: refuse it before the broker sees it.
        if (tap.isCut(this)) {
            ReferenceCountUtil.release(bytes);
            client.close();
            broker.close();
            return;
        }
        toBroker.forward(bytes);
    }

    private void fromBroker(ByteBuf bytes) {
        fromBroker.capture(ByteBufUtil.getBytes(bytes), Instant.now());
        toClient.forward(bytes);
    }

    private void endProbe() {
        if (connectProbe != null) {
            connectProbe.end();
            connectProbe = null;
        }
    }

    /** Runs on the decoder thread, where both directions' streams are decoded. */
    private void connected(PacketEvent connect) {
        clientId = connect.clientId();
        protocolVersion = connect.protocolVersion();
        for (MqttVersion version : MqttVersion.values()) {
            if (version.protocolLevel() == protocolVersion) {
                fromClient.mqtt.protocolVersion(version);
                fromBroker.mqtt.protocolVersion(version);
            }
        }
    }

    /** Reads the client id of the connection's first packet if it is a CONNECT; any first packet ends probing. */
    private final class ConnectProbe implements MqttStreamDecoder.Listener {
        @Override
        public void packet(MqttMessage message, byte[] raw, Instant time) {
            if (message.payload() instanceof MqttConnectPayload connect) {
                clientId = connect.clientIdentifier();
            }
            probed = true;
        }

        @Override
        public void malformed(byte[] raw, String error, Instant time) {
            probed = true;
        }
    }

    /**
     * The event loop's side of one direction's decoding: copies go to the tap's decoder in arrival order. If the
     * decoder is too far behind to take them, the direction is given up with one event saying so.
     */
    private final class Capture {
        private final MqttStreamDecoder mqtt;
        private final StreamDecoder stream;
        private boolean abandoned;

        Capture(Emitter emitter, boolean fromBroker) {
            this.mqtt = new MqttStreamDecoder(emitter);
            this.stream = streamDecoder(mqtt, fromBroker);
        }

        void capture(byte[] copy, Instant arrived) {
            if (abandoned) {
                return;
            }
            if (!tap.decoder().offer(copy.length, () -> stream.feed(copy, arrived))) {
                abandoned = true;
                tap.decoder().submit(() -> stream.abandon(copy.length, "the tap's decoder fell behind", arrived));
            }
        }

        void end() {
            tap.decoder().submit(stream::end);
        }
    }

    /** Turns one direction's decoded packets into events for the tap's sink. */
    private final class Emitter implements MqttStreamDecoder.Listener {
        private final PacketDirection direction;
        private final Map<Integer, String> topicAliases = new HashMap<>();

        Emitter(PacketDirection direction) {
            this.direction = direction;
        }

        @Override
        public void packet(MqttMessage message, byte[] raw, Instant time) {
            PacketEvent event = PacketEvents.decoded(origin(), message, raw, time, topicAliases);
            if (event.type() == PacketType.CONNECT) {
                connected(event);
            }
            tap.emit(event);
        }

        @Override
        public void malformed(byte[] raw, String error, Instant time) {
            tap.emit(PacketEvents.malformed(origin(), raw, error, time));
        }

        private PacketEvents.Origin origin() {
            return new PacketEvents.Origin(tap.node(), id, clientAddress, tap.port(), tap.transport(), clientId,
                    protocolVersion, direction);
        }
    }

    /**
     * Writes one direction's bytes to the other socket, now or after the tap's latency, always in arrival order
     * (due times never decrease, and the event loop runs equal deadlines in scheduling order).
     */
    private final class Forwarder {
        private final Channel target;
        private final Channel source;
        private long lastDue = System.nanoTime();
        private boolean unflushed;

        Forwarder(Channel target, Channel source) {
            this.target = target;
            this.source = source;
        }

        /** Bytes forwarded at once are flushed when the source's read burst ends: one write for many reads. */
        void forward(ByteBuf bytes) {
            later(() -> write(bytes, false), () -> write(bytes, true));
        }

        void flush() {
            if (unflushed) {
                unflushed = false;
                target.flush();
            }
        }

        private void write(ByteBuf bytes, boolean flushNow) {
            if (!target.isActive()) {
                ReferenceCountUtil.release(bytes);
                return;
            }
            if (flushNow) {
                target.writeAndFlush(bytes);
            } else {
                target.write(bytes);
                unflushed = true;
            }
            if (!target.isWritable()) {
                source.config().setAutoRead(false);
            }
        }

        /** Closes the target once everything before has been written. */
        void close() {
            Runnable close = () -> target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            later(close, close);
        }

        /** Runs {@code now} if nothing is delayed, else {@code delayed} after the latency. */
        private void later(Runnable now, Runnable delayed) {
            long start = System.nanoTime();
            long due = start + tap.latencyNanos(TappedConnection.this);
            if (lastDue - due > 0) {
                due = lastDue;
            }
            if (due - start <= 0) {
                now.run();
                return;
            }
            lastDue = due;
            target.eventLoop().schedule(delayed, due - start, TimeUnit.NANOSECONDS);
        }
    }
}

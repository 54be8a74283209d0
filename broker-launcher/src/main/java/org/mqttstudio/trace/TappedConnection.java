package org.mqttstudio.trace;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client connection through a tap: the accepted socket, its socket to the broker, a decoder per direction
 * and a forwarder per direction. Both sockets share one event loop, so all of this runs on one thread.
 */
final class TappedConnection {
    private final WireTap tap;
    private final long id;
    private final Channel client;
    private final InetSocketAddress clientAddress;
    private final MqttStreamDecoder fromClient;
    private final MqttStreamDecoder fromBroker;
    private Channel broker;
    private Forwarder toBroker;
    private Forwarder toClient;
    private volatile String clientId;
    private Integer protocolVersion;

    TappedConnection(WireTap tap, long id, Channel client) {
        this.tap = tap;
        this.id = id;
        this.client = client;
        this.clientAddress = (InetSocketAddress) client.remoteAddress();
        this.fromClient = new MqttStreamDecoder(new Emitter(PacketDirection.CLIENT_TO_BROKER));
        this.fromBroker = new MqttStreamDecoder(new Emitter(PacketDirection.BROKER_TO_CLIENT));
    }

    TapConnection view() {
        return new TapConnection(id, clientAddress, clientId);
    }

    /** The handler for the accepted socket, whose autoRead is off until the broker side is connected. */
    ChannelInboundHandlerAdapter clientHandler() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                if (tap.isCut(view())) {
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
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (broker != null) {
                    broker.config().setAutoRead(client.isWritable());
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
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
        fromClient.feed(bytes);
        // A CONNECT in these bytes may have named a cut client: refuse it before the broker sees it.
        if (tap.isCut(view())) {
            ReferenceCountUtil.release(bytes);
            client.close();
            broker.close();
            return;
        }
        toBroker.forward(bytes);
    }

    private void fromBroker(ByteBuf bytes) {
        fromBroker.feed(bytes);
        toClient.forward(bytes);
    }

    private void connected(PacketEvent connect) {
        clientId = connect.clientId();
        protocolVersion = connect.protocolVersion();
        for (MqttVersion version : MqttVersion.values()) {
            if (version.protocolLevel() == protocolVersion) {
                fromClient.protocolVersion(version);
                fromBroker.protocolVersion(version);
            }
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
        public void packet(MqttMessage message, byte[] raw) {
            PacketEvent event = PacketEvents.decoded(origin(), message, raw, topicAliases);
            if (event.type() == PacketType.CONNECT) {
                connected(event);
            }
            tap.emit(event);
        }

        @Override
        public void malformed(byte[] raw, String error) {
            tap.emit(PacketEvents.malformed(origin(), raw, error));
        }

        private PacketEvents.Origin origin() {
            return new PacketEvents.Origin(tap.node(), id, clientAddress, tap.port(), clientId, protocolVersion,
                    direction);
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

        Forwarder(Channel target, Channel source) {
            this.target = target;
            this.source = source;
        }

        void forward(ByteBuf bytes) {
            later(() -> {
                if (target.isActive()) {
                    target.writeAndFlush(bytes);
                    if (!target.isWritable()) {
                        source.config().setAutoRead(false);
                    }
                } else {
                    ReferenceCountUtil.release(bytes);
                }
            });
        }

        /** Closes the target once everything before has been written. */
        void close() {
            later(() -> target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
        }

        private void later(Runnable action) {
            long now = System.nanoTime();
            long due = now + tap.latencyNanos(view());
            if (lastDue - due > 0) {
                due = lastDue;
            }
            if (due - now <= 0) {
                action.run();
                return;
            }
            lastDue = due;
            target.eventLoop().schedule(action, due - now, TimeUnit.NANOSECONDS);
        }
    }
}

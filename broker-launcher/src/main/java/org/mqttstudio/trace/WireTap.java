package org.mqttstudio.trace;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A TCP proxy in front of one broker listener that shows every MQTT packet crossing it.
 *
 * <p>Clients connect to the tap's port (the node's port); the tap connects each of them to the broker's internal
 * port and forwards the bytes of both directions untouched. A copy of each direction is decoded (MQTT 3.1, 3.1.1
 * and 5) into {@link PacketEvent}s for the sink, on the tap's decoder thread, in arrival order, a moment (at most
 * ~1 ms under load) after the bytes went on. The sink must not block: a {@link Recorder} is made for that.
 *
 * <p>On a WebSocket listener ({@link Builder#transport}) the bytes are forwarded just as untouched, the HTTP upgrade
 * included; the copy is read as WebSocket frames and the MQTT inside them decoded ({@link WebSocketStreamDecoder}).
 *
 * <p>Fault injection: {@link #cut} drops matching connections and refuses matching new ones until
 * {@link #restore}; {@link #setLatency} delays both directions of every connection, {@link #delay} those of
 * matching ones (e.g. a bridge link), always keeping the byte order.
 */
public final class WireTap implements AutoCloseable {
    private final String node;
    private final InetSocketAddress upstream;
    private final Consumer<PacketEvent> sink;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final TapDecoder decoder;
    private final Transport transport;
    private final ConnectionNumbers connectionNumbers;
    private final Map<Long, TappedConnection> connections = new ConcurrentHashMap<>();
    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private volatile long latencyNanos;
    private Channel server;
    private int port;

    /** A cut made by {@link #cut}; pass it to {@link #restore} to end it. */
    public static final class Cut {
        private final Predicate<TapConnection> which;

        private Cut(Predicate<TapConnection> which) {
            this.which = which;
        }
    }

    /** A delay made by {@link #delay}; pass it to {@link #undelay} to end it. */
    public static final class Delay {
        private final Predicate<TapConnection> which;
        private final long nanos;

        private Delay(Predicate<TapConnection> which, long nanos) {
            this.which = which;
            this.nanos = nanos;
        }
    }

    private WireTap(Builder builder) {
        this.node = builder.node;
        this.upstream = builder.upstream;
        this.sink = builder.sink;
        this.ownGroup = builder.group == null;
        this.group = ownGroup ? new NioEventLoopGroup(1) : builder.group;
        this.decoder = new TapDecoder(node, TapDecoder.DEFAULT_MAX_QUEUED_BYTES);
        this.transport = builder.transport;
        this.connectionNumbers = builder.connectionNumbers;
    }

    /** Starts a tap with its own network thread. */
    public static WireTap start(String node, InetSocketAddress listen, InetSocketAddress upstream,
                                Consumer<PacketEvent> sink) {
        return builder(node, listen, upstream).sink(sink).start();
    }

    public static Builder builder(String node, InetSocketAddress listen, InetSocketAddress upstream) {
        return new Builder(node, listen, upstream);
    }

    /** Options for a tap. */
    public static final class Builder {
        private final String node;
        private final InetSocketAddress listen;
        private final InetSocketAddress upstream;
        private Consumer<PacketEvent> sink = event -> { };
        private EventLoopGroup group;
        private Transport transport = Transport.TCP;
        private ConnectionNumbers connectionNumbers = new ConnectionNumbers();

        private Builder(String node, InetSocketAddress listen, InetSocketAddress upstream) {
            this.node = Objects.requireNonNull(node, "node");
            this.listen = Objects.requireNonNull(listen, "listen");
            this.upstream = Objects.requireNonNull(upstream, "upstream");
        }

        /** Where events go; called on the tap's decoder thread, must not block. */
        public Builder sink(Consumer<PacketEvent> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** A NIO event loop group shared by several taps; the tap does not shut it down. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** How the listener behind the tap carries MQTT; TCP unless said otherwise. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Numbers shared with the node's other taps; the tap's own, from 1, unless given. */
        public Builder connectionNumbers(ConnectionNumbers numbers) {
            this.connectionNumbers = Objects.requireNonNull(numbers, "numbers");
            return this;
        }

        /** Binds the tap; fails with one line naming the node and address when the port is taken. */
        public WireTap start() {
            WireTap tap = new WireTap(this);
            tap.bind(listen);
            return tap;
        }
    }

    private void bind(InetSocketAddress listen) {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false) // NOTES trap 1: no reads before the broker is connected
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        TappedConnection connection =
                                new TappedConnection(WireTap.this, connectionNumbers.next(), channel);
                        connections.put(connection.view().id(), connection);
                        channel.pipeline().addLast(connection.clientHandler());
                    }
                })
                .bind(listen)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            String reason = String.valueOf(bound.cause().getMessage());
            String message = "node " + node + ": cannot listen on " + listen.getHostString() + ":" + listen.getPort()
                    + ": " + reason;
            throw new UncheckedIOException(message, bound.cause() instanceof IOException io ? io
                    : new IOException(bound.cause()));
        }
        server = bound.channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String node() {
        return node;
    }

    /** The port the tap listens on (the node's port). */
    public int port() {
        return port;
    }

    public InetSocketAddress upstream() {
        return upstream;
    }

    public Transport transport() {
        return transport;
    }

    /** The connections open now. */
    public List<TapConnection> connections() {
        return connections.values().stream().map(TappedConnection::view).toList();
    }

    /** Drops the matching live connections and refuses matching new ones until {@link #restore}. */
    public Cut cut(Predicate<TapConnection> which) {
        Cut cut = new Cut(Objects.requireNonNull(which, "which"));
        cuts.add(cut);
        connections.values().stream().filter(c -> which.test(c.view())).forEach(TappedConnection::drop);
        return cut;
    }

    /** Drops every connection and refuses new ones until {@link #restore}. */
    public Cut cutAll() {
        return cut(connection -> true);
    }

    /** Ends a cut; connections it refused may connect again. */
    public void restore(Cut cut) {
        cuts.remove(cut);
    }

    /** Ends all cuts. */
    public void restoreAll() {
        cuts.clear();
    }

    /** Delays forwarding in both directions of every connection by this much from now on (zero for none). */
    public void setLatency(Duration latency) {
        latencyNanos = nonNegative(latency).toNanos();
    }

    /** The latency {@link #setLatency} set for every connection. */
    public Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    /**
     * Delays forwarding in both directions of the matching connections (e.g. one bridge link) until
     * {@link #undelay}. A connection gets the largest of the tap's latency and its matching delays.
     */
    public Delay delay(Predicate<TapConnection> which, Duration latency) {
        Delay delay = new Delay(Objects.requireNonNull(which, "which"), nonNegative(latency).toNanos());
        delays.add(delay);
        return delay;
    }

    public void undelay(Delay delay) {
        delays.remove(delay);
    }

    private static Duration nonNegative(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }

    /** Closes the port and every connection; waits until the port is free. */
    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        connections.values().forEach(TappedConnection::drop);
        if (ownGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        decoder.close();
    }

    // Both are asked for every read: without cuts or delays they must cost next to nothing.
    long latencyNanos(TappedConnection connection) {
        long nanos = latencyNanos;
        if (delays.isEmpty()) {
            return nanos;
        }
        TapConnection view = connection.view();
        for (Delay delay : delays) {
            if (delay.nanos > nanos && delay.which.test(view)) {
                nanos = delay.nanos;
            }
        }
        return nanos;
    }

    boolean isCut(TappedConnection connection) {
        if (cuts.isEmpty()) {
            return false;
        }
        TapConnection view = connection.view();
        return cuts.stream().anyMatch(cut -> cut.which.test(view));
    }

    TapDecoder decoder() {
        return decoder;
    }

    void forget(long connectionId) {
        connections.remove(connectionId);
    }

    /** Hands an event to the sink; a failing sink must not break forwarding. */
    void emit(PacketEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            // The sink's problem, not the connection's: the event is lost, the bytes still flow.
        }
    }
}

package org.mqttstudio.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port probes on 127.0.0.1, where the embedded brokers listen. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * A port nobody listens on, leased until the broker binds it (HiveMQ does not report a port it chose
     * itself); see {@link FreePorts} for why not port 0.
     */
    static int free() {
        return FreePorts.one();
    }

    /**
     * Whether something listens on {@code port} (on loopback or on all interfaces) or otherwise keeps a
     * broker from binding it. Bound as the brokers bind (SO_REUSEADDR): a closed connection lingering in
     * TIME_WAIT on the port (say a start's ownership probe's) is no listener.
     */
    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}

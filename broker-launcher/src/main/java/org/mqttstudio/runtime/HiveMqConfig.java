package org.mqttstudio.runtime;

import java.util.Map;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

/** The {@code config.xml} of one HiveMQ CE instance (format: config.xsd in the HiveMQ CE jar). */
final class HiveMqConfig {
    /** Every listener binds to loopback: the Studio's wire tap is what clients reach from outside. */
    static final String BIND_ADDRESS = "127.0.0.1";
    /** The path mosquitto-style WebSocket clients use; HiveMQ only answers on the configured one. */
    static final String WEBSOCKET_PATH = "/mqtt";

    private HiveMqConfig() {
    }

    /**
     * @param ports the port each listener binds (all non-zero)
     * @param filePersistence true for HiveMQ's file persistence in the data folder, else in-memory
     */
    static String xml(Map<Listener, Integer> ports, boolean filePersistence) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hivemq>\n  <listeners>\n");
        ports.forEach((listener, port) -> xml.append(listener.protocol() == Protocol.WEBSOCKETS
                ? websocketListener(port) : tcpListener(port)));
        return xml.append("  </listeners>\n")
                .append("  <persistence><mode>").append(filePersistence ? "file" : "in-memory")
                .append("</mode></persistence>\n")
                .append("  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n")
                .append("</hivemq>\n")
                .toString();
    }

    private static String tcpListener(int port) {
        return "    <tcp-listener><port>" + port + "</port><bind-address>" + BIND_ADDRESS
                + "</bind-address></tcp-listener>\n";
    }

    private static String websocketListener(int port) {
        return "    <websocket-listener><port>" + port + "</port><bind-address>" + BIND_ADDRESS
                + "</bind-address><path>" + WEBSOCKET_PATH + "</path>"
                + "<subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>"
                + "<allow-extensions>true</allow-extensions></websocket-listener>\n";
    }
}

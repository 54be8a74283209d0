package org.mqttstudio.runtime;

import java.util.Map;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

/** The {@code config.xml} of one HiveMQ CE instance (format: config.xsd in the HiveMQ CE jar). */
final class HiveMqConfig {
    /** Every listener binds to loopback: the Studio's wire tap is what clients reach from outside. */
    static final String BIND_ADDRESS = "127.0.0.1";
    /** The path mosquitto-style WebSocket clients use; HiveMQ only answers on the configured one. */
    static final String WEBSOCKET_PATH = "/mqtt";
    /** mosquitto's max_queued_messages and max_inflight_messages defaults (HiveMQ's: 1000 and 10). */
    private static final int MOSQUITTO_MAX_QUEUED = 1000;
    private static final int MOSQUITTO_MAX_INFLIGHT = 20;
    /** The largest Receive Maximum MQTT 5 can announce; mosquitto's "0 = no maximum" becomes this. */
    private static final int RECEIVE_MAXIMUM_LIMIT = 65_535;

    private HiveMqConfig() {
    }

    /**
     * @param ports the port each listener binds (all non-zero)
     * @param filePersistence true for HiveMQ's file persistence in the data folder, else in-memory
     * @param limits the node's mosquitto limits, applied as far as HiveMQ has them (see {@link KnownDifferences})
     */
    static String xml(Map<Listener, Integer> ports, boolean filePersistence, BrokerLimits limits) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hivemq>\n  <listeners>\n");
        ports.forEach((listener, port) -> xml.append(listener.protocol() == Protocol.WEBSOCKETS
                ? websocketListener(port) : tcpListener(port)));
        return xml.append("  </listeners>\n")
                .append(mqtt(limits))
                .append("  <persistence><mode>").append(filePersistence ? "file" : "in-memory")
                .append("</mode></persistence>\n")
                .append("  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n")
                .append("</hivemq>\n")
                .toString();
    }

    /**
     * Each mosquitto limit on the HiveMQ element that does the same; null means mosquitto's default,
     * written out where HiveMQ's differs. A full queue drops the new message on both ("discard").
     * max_inflight_messages is also the Receive Maximum mosquitto announces to MQTT 5 clients, which
     * is what HiveMQ's server-receive-maximum is.
     */
    private static String mqtt(BrokerLimits limits) {
        long queued = limits.maxQueuedMessages() == null ? MOSQUITTO_MAX_QUEUED
                : limits.maxQueuedMessages() == 0 ? Integer.MAX_VALUE : limits.maxQueuedMessages(); // 0: no maximum
        int inflight = limits.maxInflightMessages() == null ? MOSQUITTO_MAX_INFLIGHT
                : limits.maxInflightMessages() == 0 ? RECEIVE_MAXIMUM_LIMIT
                : Math.min(limits.maxInflightMessages(), RECEIVE_MAXIMUM_LIMIT);
        boolean retain = limits.retainAvailable() == null || limits.retainAvailable();
        return "  <mqtt>\n"
                + "    <queued-messages><max-queue-size>" + queued + "</max-queue-size>"
                + "<strategy>discard</strategy></queued-messages>\n"
                + "    <retained-messages><enabled>" + retain + "</enabled></retained-messages>\n"
                + "    <quality-of-service><max-qos>" + limits.effectiveMaxQos() + "</max-qos></quality-of-service>\n"
                + "    <receive-maximum><server-receive-maximum>" + inflight
                + "</server-receive-maximum></receive-maximum>\n"
                + "  </mqtt>\n";
    }

    private static String tcpListener(int port) {
        return "    <tcp-listener><port>" + port + "</port><bind-address>" + BIND_ADDRESS
                + "</bind-address></tcp-listener>\n";
    }

    /**
     * No WebSocket extensions: a browser would otherwise negotiate permessage-deflate, whose compressed frames the
     * wire tap cannot read (mosquitto 2.0.11 offers none either).
     */
    private static String websocketListener(int port) {
        return "    <websocket-listener><port>" + port + "</port><bind-address>" + BIND_ADDRESS
                + "</bind-address><path>" + WEBSOCKET_PATH + "</path>"
                + "<subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>"
                + "<allow-extensions>false</allow-extensions></websocket-listener>\n";
    }
}

package org.mqttstudio.routing;

import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/**
 * The client ids a bridge uses. mosquitto's defaults contain the hostname of the machine the
 * bridge's broker runs on; brokers with the same {@code host} run on one machine, so their host
 * stands in for the hostname.
 */
public final class ClientIds {
    private static final String HOSTNAME = "<hostname>";
    private ClientIds() {
    }

    public static String remote(Topology t, Bridge b) {
        return b.effectiveRemoteClientId(hostOf(t, b));
    }

    public static String local(Topology t, Bridge b) {
        return b.effectiveLocalClientId(hostOf(t, b));
    }

    /** The remote client id as a person reads it: a default one shows {@code <hostname>}. */
    public static String remoteForDisplay(Bridge b) {
        return b.effectiveRemoteClientId(HOSTNAME);
    }

    /** The local client id as a person reads it: a default one shows {@code <hostname>}. */
    public static String localForDisplay(Bridge b) {
        return b.effectiveLocalClientId(HOSTNAME);
    }

    public static String notificationTopic(Topology t, Bridge b) {
        return b.effectiveNotificationTopic(hostOf(t, b));
    }

    private static String hostOf(Topology t, Bridge b) {
        return t.broker(b.from()).map(Broker::host).orElse(Broker.DEFAULT_HOST);
    }
}

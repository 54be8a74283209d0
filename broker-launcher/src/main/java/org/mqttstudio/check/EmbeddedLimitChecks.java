package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.runtime.KnownDifferences;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Topology;

/**
 * Broker limits the embedded runtime cannot apply as mosquitto does ({@link KnownDifferences}),
 * reported only where a broker sets one: what a run shows about them must be checked on mosquitto.
 */
final class EmbeddedLimitChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Broker b : t.brokers()) {
            Map<String, String> set = differing(b.limits());
            if (!set.isEmpty()) {
                out.add(Finding.info("embedded-limit", b.id(), b.name() + " sets "
                                + String.join(" and ", set.keySet()) + ", which the embedded runtime applies "
                                + "differently from mosquitto (known differences: " + String.join("; ", set.values())
                                + ")",
                        "Run the topology on the mosquitto runtime to see mosquitto's exact behaviour"));
            }
        }
        return out;
    }

    /** Each such limit the broker sets, with the known difference about it. */
    private static Map<String, String> differing(BrokerLimits l) {
        Map<String, String> set = new LinkedHashMap<>();
        if (l.maxInflightMessages() != null) {
            set.put("max_inflight_messages " + l.maxInflightMessages(), KnownDifferences.IN_FLIGHT);
        }
        if (l.maxQueuedMessages() != null) {
            set.put("max_queued_messages " + l.maxQueuedMessages(), KnownDifferences.QUEUE_CONNECTED);
        }
        if (Boolean.TRUE.equals(l.queueQos0Messages())) {
            set.put("queue_qos0_messages true", KnownDifferences.QUEUE_QOS0);
        }
        return set;
    }
}

package org.mqttstudio.routing;

import java.util.List;

/**
 * Bridges that send a message around for ever (or until the topic grows too long).
 *
 * @param bridgeIds the bridges of the cycle, in travel order
 * @param brokerIds the brokers of the cycle, in travel order
 * @param topic a topic that circulates (as seen where the cycle starts)
 */
public record Loop(List<String> bridgeIds, List<String> brokerIds, String topic, String explanation) {
    public Loop {
        bridgeIds = List.copyOf(bridgeIds);
        brokerIds = List.copyOf(brokerIds);
    }
}

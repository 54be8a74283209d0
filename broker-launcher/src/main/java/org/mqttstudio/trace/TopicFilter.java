package org.mqttstudio.trace;

import java.util.Objects;

/**
 * One entry of a SUBSCRIBE or UNSUBSCRIBE packet.
 *
 * @param filter the topic filter
 * @param qos    the requested maximum QoS (0..2); null for UNSUBSCRIBE, which carries none
 */
public record TopicFilter(String filter, Integer qos) {
    public TopicFilter {
        Objects.requireNonNull(filter, "filter");
    }
}

package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Topology;

/**
 * One direction of one bridge rule: messages on node {@code at} whose topic matches
 * {@code filter} go to node {@code to}, with {@code strip} removed from the front of the topic
 * and {@code add} put there instead (prefixes join literally, as in mosquitto).
 *
 * @param outward true for {@code out} (local to remote), false for {@code in}
 */
record Link(Bridge bridge, BridgeRule rule, boolean outward, String at, String to, String filter, String strip,
        String add) {

    static List<Link> of(Topology t) {
        List<Link> links = new ArrayList<>();
        for (Bridge b : t.bridges()) {
            List<BridgeRule> subscribedIn = RemoteSubscriptions.subscribed(b.rules());
            for (BridgeRule r : b.rules()) {
                if (r.direction().forwardsOut()) {
                    links.add(new Link(b, r, true, b.from(), b.to(), r.localFilter(), orEmpty(r.localPrefix()),
                            orEmpty(r.remotePrefix())));
                }
                if (subscribedIn.contains(r)) {
                    links.add(new Link(b, r, false, b.to(), b.from(), r.remoteFilter(), orEmpty(r.remotePrefix()),
                            orEmpty(r.localPrefix())));
                }
            }
        }
        return List.copyOf(links);
    }

    /** Whether a message with {@code topic} on {@link #at} crosses this link (invalid rules carry nothing). */
    boolean carries(String topic) {
        return Topics.isValidFilter(filter) && !Topics.hasWildcard(strip + add) && Topics.matches(filter, topic)
                && topic.startsWith(strip) && Topics.isValidTopicName(map(topic));
    }

    /** Of the links of one bridge and direction that carry a message, the one whose prefixes remap it. */
    static Link remapping(List<Link> matching) {
        BridgeRule chosen = RuleSelection.remapping(matching.stream().map(Link::rule).toList());
        return matching.stream().filter(l -> l.rule.equals(chosen)).findFirst().orElseThrow();
    }

    /** The QoS cap of that one copy. */
    static int deliveringQos(List<Link> matching) {
        return RuleSelection.qosCap(matching.stream().map(Link::rule).toList(), matching.get(0).outward);
    }

    String map(String topic) {
        return add + topic.substring(strip.length());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

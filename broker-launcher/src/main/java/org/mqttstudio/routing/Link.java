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

    /**
     * Of the links of one bridge and direction that carry a message, the one whose prefixes remap
     * it: mosquitto sends one copy, remapped by the first rule in file order that has a prefix
     * and matches, else unchanged (measured with mosquitto 2.0.11).
     */
    static Link remapping(List<Link> matching) {
        return matching.stream().filter(l -> !(l.strip + l.add).isEmpty()).findFirst().orElse(matching.get(0));
    }

    /**
     * The QoS cap of that one copy: the broker keeps the first of the bridge's matching
     * subscriptions in its tree walk, where at each level a literal comes before {@code +} and
     * {@code +} before {@code #}, whatever the file order; of two lines with the same filter the
     * later one's QoS holds, as its SUBSCRIBE replaces the first (measured with mosquitto 2.0.11).
     */
    static int deliveringQos(List<Link> matching) {
        return matching.stream().reduce((kept, next) -> walkOrder(next.filter, kept.filter) <= 0 ? next : kept)
                .orElseThrow().rule().qos();
    }

    private static int walkOrder(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int byRank = Integer.compare(rank(x[i]), rank(y[i]));
            if (byRank != 0) {
                return byRank;
            }
        }
        return 0;
    }

    private static int rank(String level) {
        return "#".equals(level) ? 2 : "+".equals(level) ? 1 : 0;
    }

    String map(String topic) {
        return add + topic.substring(strip.length());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

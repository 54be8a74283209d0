package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.MqttVersion;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * Follows one concrete message through the bridges, path by path (depth first), the way
 * mosquitto would forward it. A path ends where no rule carries the topic, where the state
 * (broker, topic, arrived-over bridge) repeats (a loop), or after {@link #MAX_HOPS} hops (a topic
 * that keeps growing through prefixes).
 */
final class Tracer {
    static final int MAX_HOPS = 32;
    /**
     * Bounds a publisher's walk, which follows every path (two paths to one subscriber are two
     * deliveries): student topologies need a few dozen visits, a mesh of looping bridges millions.
     */
    private static final int MAX_VISITS = 2_000;
    /** Two paths to one subscription already make a duplicate; a looping mesh makes thousands. */
    private static final int MAX_ROUTES_PER_SUBSCRIPTION = 4;
    /** A mesh of bridges has thousands of distinct cycles; the first ones say enough. */
    static final int MAX_LOOPS = 20;

    private final Network net;
    private final Topology t;

    Tracer(Network net) {
        this.net = net;
        this.t = net.topology();
    }

    /** The routes of a publisher's messages, after its broker admits them. */
    Trace trace(Publisher p) {
        if (Topics.topicNameProblem(p.topic()).isPresent()) {
            return stopped(p.topic() + " is not a valid topic name to publish to");
        }
        var refused = net.refusal(p.broker(), p.client().username());
        if (refused.isPresent()) {
            return stopped(p.name() + " cannot connect: " + refused.get());
        }
        if (!net.acl(p.broker()).canWrite(p.client().clientId(), p.client().username(), p.topic())) {
            return stopped("the ACL of " + t.nameOf(p.broker()) + " does not let " + p.name() + " publish to "
                    + p.topic());
        }
        int maxQos = net.maxQos(p.broker());
        if (p.qos() > maxQos && p.client().mqttVersion() != MqttVersion.V5) {
            // measured on mosquitto 2.0.11 and the embedded broker alike (BrokerLimitsTest). An MQTT 5 client
            // learns max_qos from its CONNACK; the cap below assumes it then publishes at that QoS (not measured)
            return stopped(p.name() + " publishes at QoS " + p.qos() + " but " + t.nameOf(p.broker())
                    + " has max_qos " + maxQos + ": it disconnects an MQTT " + p.client().mqttVersion().word()
                    + " client for that and drops the message");
        }
        Walk walk = new Walk(p, true);
        walk.visit(new ArrayList<>(), p.broker(), p.topic(), null, p.qos());
        return walk.result();
    }

    /**
     * Probe messages with no publisher, only to find loops: one walk for all of them, so that a
     * state explored from one start is not explored again from the next.
     *
     * @param starts node id to the topics to publish there
     */
    Trace probe(Map<String, Set<String>> starts) {
        Walk walk = new Walk(null, false);
        starts.forEach((node, topics) -> topics.forEach(topic -> walk.visit(new ArrayList<>(), node, topic, null, 2)));
        return walk.result();
    }

    private static Trace stopped(String why) {
        return new Trace(List.of(), Map.of(), List.of(why), List.of());
    }

    /** The mutable state of one depth-first walk. */
    private final class Walk {
        private final Publisher publisher;
        private final List<Route> routes = new ArrayList<>();
        private final Map<List<String>, Integer> routesPerSubscription = new HashMap<>();
        private final Map<String, Set<String>> reached = new LinkedHashMap<>();
        private final Set<String> stops = new LinkedHashSet<>();
        private final Map<String, Loop> loops = new LinkedHashMap<>();
        private final boolean allPaths;
        private final Set<List<String>> explored = new HashSet<>();
        private int visits;

        /** @param allPaths false when only loops matter: a state is then explored once */
        Walk(Publisher publisher, boolean allPaths) {
            this.publisher = publisher;
            this.allPaths = allPaths;
        }

        Trace result() {
            return new Trace(routes, reached, List.copyOf(stops), List.copyOf(loops.values()));
        }

        void visit(List<Hop> path, String node, String topic, String via, int qosIn) {
            for (int i = 0; i < path.size(); i++) {
                Hop h = path.get(i);
                if (h.brokerId().equals(node) && h.topic().equals(topic) && Objects.equals(h.viaBridgeId(), via)) {
                    addLoop(path.subList(i, path.size()), via, List.of());
                    return;
                }
            }
            if (!allPaths && (loops.size() >= MAX_LOOPS || !explored.add(Arrays.asList(node, topic, via)))) {
                return;
            }
            if (path.size() >= MAX_HOPS) {
                growingLoop(path);
                return;
            }
            if (++visits > MAX_VISITS) {
                return;
            }
            int qos = Math.min(qosIn, net.maxQos(node));
            path.add(new Hop(node, via, topic, qos));
            reached.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(topic);
            if (publisher != null) {
                deliver(path, node, topic, qos);
            }
            forward(path, node, topic, via, qos);
            path.remove(path.size() - 1);
        }

        private void deliver(List<Hop> path, String node, String topic, int qos) {
            for (Subscriber s : t.subscribersOn(node)) {
                if (net.refusal(node, s.client().username()).isPresent()) {
                    continue;
                }
                for (Subscription sub : s.subscriptions()) {
                    if (!Topics.isValidFilter(sub.filter()) || !Topics.matches(sub.filter(), topic)) {
                        continue;
                    }
                    if (!net.acl(node).canRead(s.client().clientId(), s.client().username(), topic)) {
                        stops.add("the ACL of " + t.nameOf(node) + " does not let " + s.name() + " read " + topic);
                        continue;
                    }
                    if (routesPerSubscription.merge(List.of(s.id(), sub.filter()), 1, Integer::sum)
                            <= MAX_ROUTES_PER_SUBSCRIPTION) {
                        routes.add(new Route(publisher.id(), s.id(), sub.filter(), path, Math.min(qos, sub.qos()),
                                s.client().mqttVersion() == MqttVersion.V5));
                    }
                }
            }
        }

        private void forward(List<Hop> path, String node, String topic, String via, int qos) {
            Map<Bridge, List<Link>> byBridge = net.linksAt(node).stream()
                    .filter(l -> !isEcho(l, via))
                    .collect(Collectors.groupingBy(Link::bridge, LinkedHashMap::new, Collectors.toList()));
            byBridge.forEach((bridge, links) -> {
                List<Link> matching = links.stream().filter(l -> l.carries(topic)).toList();
                if (matching.isEmpty()) {
                    stops.add(notCarried(bridge, links, node));
                    return;
                }
                Link remap = Link.remapping(matching);
                var block = net.block(remap, topic);
                if (block.isPresent()) {
                    stops.add(block.get());
                } else {
                    visit(path, remap.to(), remap.map(topic), bridge.id(),
                            Math.min(qos, Link.deliveringQos(matching)));
                }
            });
        }

        /**
         * No echo: a message that came in over a bridge is not sent back over it. The local side
         * never does; with try_private false the remote does not know the bridge is one and sends
         * its messages back once if they match an in rule (measured with mosquitto 2.0.11: one
         * extra copy on the local broker, no storm).
         */
        private boolean isEcho(Link l, String via) {
            return l.bridge().id().equals(via) && (l.outward() || l.bridge().tryPrivate());
        }

        private String notCarried(Bridge bridge, List<Link> links, String node) {
            String filters = links.stream().map(Link::filter).distinct().collect(Collectors.joining(", "));
            return links.get(0).outward() ? bridge.name() + " forwards only " + filters
                    : bridge.name() + " takes only " + filters + " from " + t.nameOf(node);
        }

        /** At the depth bound: the last hop's (broker, bridge) seen before marks a cycle whose topic grows. */
        private void growingLoop(List<Hop> path) {
            Hop last = path.get(path.size() - 1);
            List<Hop> same = path.stream().filter(h -> h.brokerId().equals(last.brokerId())
                    && Objects.equals(h.viaBridgeId(), last.viaBridgeId())).toList();
            if (same.size() > 1) {
                int start = path.lastIndexOf(same.get(same.size() - 2));
                List<String> growth = same.stream().limit(3).map(Hop::topic).toList();
                addLoop(path.subList(start, path.size() - 1), last.viaBridgeId(), growth);
            }
        }

        /** Each loop once, whichever broker it was entered at: the text is built only for new ones. */
        private void addLoop(List<Hop> cycle, String closingBridgeId, List<String> growth) {
            if (loops.size() >= MAX_LOOPS) {
                return;
            }
            Set<String> bridges = new TreeSet<>();
            cycle.stream().skip(1).forEach(h -> bridges.add(h.viaBridgeId()));
            bridges.add(closingBridgeId);
            Set<String> brokers = cycle.stream().map(Hop::brokerId).collect(Collectors.toCollection(TreeSet::new));
            loops.computeIfAbsent(LoopText.key(bridges, brokers),
                    k -> LoopText.loop(t, cycle, closingBridgeId, growth));
        }
    }
}

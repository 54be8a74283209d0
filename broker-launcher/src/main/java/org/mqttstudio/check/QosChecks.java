package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.Hop;
import org.mqttstudio.routing.Route;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * QoS lowered on the way by a bridge rule or a broker's max_qos (not by the subscription itself,
 * which is the subscriber's choice). A warning when a subscriber asked for more than it gets and
 * the publisher sent more; otherwise a useful fact.
 */
final class QosChecks implements Check {
    /** Where and how QoS was lowered: one finding each, listing the routes it affects. */
    private record Cause(String elementId, String text, String fix, int from, int to) {
    }

    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        Map<Cause, List<Route>> byCause = new LinkedHashMap<>();
        for (Route r : routes.routes()) {
            causes(t, r).forEach(c -> byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        }
        List<Finding> out = new ArrayList<>();
        byCause.forEach((cause, affected) -> {
            boolean hurts = affected.stream().anyMatch(r -> r.qos() < Math.min(publisherQos(t, r), asked(t, r)));
            String who = affected.stream().map(r -> t.nameOf(r.publisherId()) + " -> " + t.nameOf(r.subscriberId())
                    + " (asked for QoS " + asked(t, r) + ", gets " + r.qos() + ")").distinct()
                    .collect(Collectors.joining(", "));
            String message = "QoS downgraded from " + cause.from() + " to " + cause.to() + " by " + cause.text() + ": "
                    + who;
            out.add(hurts ? Finding.warning("qos-downgrade", cause.elementId(), message, cause.fix())
                    : Finding.info("qos-downgrade", cause.elementId(), message, cause.fix()));
        });
        return out;
    }

    private static List<Cause> causes(Topology t, Route r) {
        List<Cause> causes = new ArrayList<>();
        int before = publisherQos(t, r);
        Hop previous = null;
        for (Hop h : r.hops()) {
            if (h.qos() < before) {
                causes.add(previous == null ? cap(t, h, before) : bridgeCause(t, previous, h, before));
            }
            before = h.qos();
            previous = h;
        }
        return causes;
    }

    private static Cause bridgeCause(Topology t, Hop previous, Hop h, int before) {
        Optional<Bridge> bridge = t.bridge(h.viaBridgeId());
        boolean outward = bridge.map(b -> b.to().equals(h.brokerId())).orElse(true);
        Optional<BridgeRule> rule = bridge.stream().flatMap(b -> b.rules().stream())
                .filter(x -> outward ? x.direction().forwardsOut() : x.direction().forwardsIn())
                .filter(x -> {
                    String filter = outward ? x.localFilter() : x.remoteFilter();
                    return Topics.isValidFilter(filter) && Topics.matches(filter, previous.topic()) && x.qos() == h.qos();
                }).findFirst();
        if (rule.isEmpty()) {
            return cap(t, h, before);
        }
        BridgeRule x = rule.get();
        String name = t.nameOf(h.viaBridgeId());
        return new Cause(h.viaBridgeId(), name + "'s rule '" + RuleText.of(x) + "'",
                "Raise the QoS of " + name + "'s rule to " + before + " ('" + RuleText.of(
                        new BridgeRule(x.pattern(), x.direction(), before, x.localPrefix(), x.remotePrefix())) + "')",
                before, h.qos());
    }

    private static Cause cap(Topology t, Hop h, int before) {
        String name = t.nameOf(h.brokerId());
        return new Cause(h.brokerId(), "max_qos " + h.qos() + " of " + name, "Raise max_qos of " + name, before,
                h.qos());
    }

    private static int publisherQos(Topology t, Route r) {
        return t.publishers().stream().filter(p -> p.id().equals(r.publisherId())).mapToInt(Publisher::qos)
                .findFirst().orElse(r.qos());
    }

    private static int asked(Topology t, Route r) {
        return t.subscribers().stream().filter(s -> s.id().equals(r.subscriberId()))
                .flatMap((Subscriber s) -> s.subscriptions().stream()).filter(s -> s.filter().equals(r.filter()))
                .mapToInt(Subscription::qos).max().orElse(r.qos());
    }
}

package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.Admission;
import org.mqttstudio.routing.Arrival;
import org.mqttstudio.routing.Loop;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.RouteTableText;
import org.mqttstudio.routing.Unheard;
import org.mqttstudio.routing.Unreached;
import org.mqttstudio.runtime.KnownDifferences;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * What the route table shows: loops, subscriptions nothing reaches, publishers nobody hears and
 * duplicate deliveries. Clients already reported as unable to connect, or with invalid topics,
 * are not reported again here.
 */
final class RouteChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Loop l : routes.loops()) {
            String bridges = l.bridgeIds().stream().map(t::nameOf).collect(Collectors.joining(", "));
            out.add(Finding.error("bridge-loop", l.bridgeIds().get(0), "Bridge loop over " + bridges + ": "
                    + l.explanation(), "Let each topic travel one way only: use out on one side (not both, and not"
                    + " a bridge back), narrow the patterns so nothing comes back, and keep try_private true"));
        }
        for (Unreached u : routes.unreached()) {
            Subscriber s = t.subscribers().stream().filter(x -> x.id().equals(u.subscriberId())).findFirst().orElseThrow();
            if (Topics.isValidFilter(u.filter()) && connects(t, s.broker(), s.client())) {
                out.add(Finding.warning("subscriber-unreached", s.id(), s.name() + "'s subscription " + u.filter()
                        + " receives nothing: " + u.reason(), "Add or widen a bridge rule so that a matching topic"
                        + " reaches " + t.nameOf(s.broker()) + ", or subscribe to a topic that arrives there"));
            }
        }
        for (Unheard u : routes.unheard()) {
            Publisher p = t.publishers().stream().filter(x -> x.id().equals(u.publisherId())).findFirst().orElseThrow();
            if (Topics.isValidTopicName(p.topic()) && connects(t, p.broker(), p.client())) {
                out.add(Finding.warning("publisher-unheard", p.id(), "Nobody receives " + p.name() + "'s messages: "
                        + u.reason(), "Add a subscriber for " + p.topic() + ", or a bridge rule that carries it to one"));
            }
        }
        duplicates(t, routes, out);
        return out;
    }

    private static boolean connects(Topology t, String brokerId, ClientSettings client) {
        return t.broker(brokerId).flatMap(b -> Admission.refusal(b, client.username())).isEmpty();
    }

    /**
     * Separate paths (or remapped topics) deliver a message once each: a warning. Overlapping filters on one
     * path are the brokers' choice ({@link OverlapPolicy}): an info saying what each runtime sends.
     */
    private static void duplicates(Topology t, RouteTable routes, List<Finding> out) {
        List<Arrival> arrivals = routes.arrivals();
        Map<List<String>, List<Arrival>> byPair = arrivals.stream().collect(Collectors.groupingBy(
                a -> List.of(a.publisherId(), a.subscriberId()), LinkedHashMap::new, Collectors.toList()));
        byPair.forEach((pair, same) -> {
            if (same.size() < 2) {
                return;
            }
            String ways = same.stream().map(a -> "filter " + String.join(", ", a.filters()) + ": "
                    + RouteTableText.path(t, a.routes().get(0))).collect(Collectors.joining("; "));
            out.add(Finding.warning("duplicate-delivery", pair.get(1), t.nameOf(pair.get(1)) + " receives each message"
                    + " of " + t.nameOf(pair.get(0)) + " " + same.size() + " times: " + ways,
                    "Keep one path: remove the extra bridge rule or the subscription the other path reaches"));
        });
        arrivals.stream().filter(Arrival::overlapping).forEach(a -> out.add(Finding.info("overlapping-filters",
                a.subscriberId(), RouteTableText.overlap(t, a) + (a.copies(OverlapPolicy.ONE_COPY)
                        == a.copies(OverlapPolicy.COPY_PER_SUBSCRIPTION) ? ""
                        : " (a known difference: " + KnownDifferences.OVERLAP + ")"),
                "Keep one of the filters if the subscriber should get one copy on every broker")));
    }
}

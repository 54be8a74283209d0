package org.mqttstudio.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * Works out what reaches whom: follows each publisher's topic over the bridge rules (prefix
 * remaps, QoS caps, no-echo, auth and ACLs), and probes every rule with sample topics to find
 * loops that no publisher triggers yet.
 */
public final class Router {
    public Router() {
    }

    public RouteTable routes(Topology t) {
        Network net = new Network(t);
        Tracer tracer = new Tracer(net);
        Map<String, Trace> traces = new LinkedHashMap<>();
        t.publishers().forEach(p -> traces.put(p.id(), tracer.trace(p)));

        List<Route> routes = traces.values().stream().flatMap(tr -> tr.routes().stream()).toList();
        Map<String, Loop> loops = new LinkedHashMap<>();
        traces.values().forEach(tr -> tr.loops().forEach(l -> loops.putIfAbsent(key(l), l)));
        Map<String, Set<String>> probes = new LinkedHashMap<>();
        for (Bridge b : t.bridges()) {
            for (BridgeRule r : b.rules()) {
                addProbe(probes, b.from(), r.localFilter());
                addProbe(probes, b.to(), r.remoteFilter());
            }
        }
        tracer.probe(probes).loops().forEach(l -> loops.putIfAbsent(key(l), l));

        List<Unheard> unheard = new ArrayList<>();
        for (Publisher p : t.publishers()) {
            if (routes.stream().noneMatch(r -> r.publisherId().equals(p.id()))) {
                unheard.add(new Unheard(p.id(), whereItStops(t, p, traces.get(p.id()))));
            }
        }
        List<Unreached> unreached = new ArrayList<>();
        for (Subscriber s : t.subscribers()) {
            for (Subscription sub : s.subscriptions()) {
                boolean reached = routes.stream()
                        .anyMatch(r -> r.subscriberId().equals(s.id()) && r.filter().equals(sub.filter()));
                if (!reached) {
                    unreached.add(new Unreached(s.id(), sub.filter(), whyUnreached(t, net, s, sub.filter(), traces)));
                }
            }
        }
        return new RouteTable(routes, unreached, unheard,
                loops.values().stream().limit(Tracer.MAX_LOOPS).toList());
    }

    private static void addProbe(Map<String, Set<String>> probes, String nodeId, String filter) {
        if (Topics.isValidFilter(filter)) {
            probes.computeIfAbsent(nodeId, k -> new java.util.LinkedHashSet<>()).add(sampleTopic(filter));
        }
    }

    /** A topic the filter matches: each wildcard level becomes {@code x}. */
    public static String sampleTopic(String filter) {
        return filter.replace("#", "x").replace("+", "x");
    }

    private static String key(Loop l) {
        return LoopText.key(l.bridgeIds(), l.brokerIds());
    }

    private static String whereItStops(Topology t, Publisher p, Trace trace) {
        return story(t, p, trace, "; no subscriber there receives it");
    }

    /** Where the publisher's topic goes ({@code middle} after that) and every reason it goes no further. */
    private static String story(Topology t, Publisher p, Trace trace, String middle) {
        if (trace.reached().isEmpty()) {
            return p.name() + "'s " + p.topic() + ": " + String.join("; ", trace.stops());
        }
        StringBuilder why = new StringBuilder(reach(t, p, trace)).append(middle);
        trace.stops().forEach(s -> why.append("; ").append(s));
        return why.toString();
    }

    /** E.g. "Publisher2's srv/temperature reaches BridgeBroker2 and BridgeBroker3 (as a/srv/temperature)". */
    private static String reach(Topology t, Publisher p, Trace trace) {
        List<String> places = new ArrayList<>();
        trace.reached().forEach((node, topics) -> {
            Set<String> other = topics.stream().filter(x -> !x.equals(p.topic()))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            places.add(other.isEmpty() ? t.nameOf(node) : t.nameOf(node) + " (as " + String.join(", ", other) + ")");
        });
        return p.name() + "'s " + p.topic() + " reaches " + andList(places);
    }

    private static String whyUnreached(Topology t, Network net, Subscriber s, String filter,
            Map<String, Trace> traces) {
        var problem = Topics.filterProblem(filter);
        if (problem.isPresent()) {
            return filter + " is not a valid filter: " + problem.get();
        }
        var refused = net.refusal(s.broker(), s.client().username());
        if (refused.isPresent()) {
            return s.name() + " cannot connect: " + refused.get();
        }
        if (t.publishers().isEmpty()) {
            return "there is no publisher";
        }
        String here = t.nameOf(s.broker());
        List<String> parts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Publisher p : t.publishers()) {
            Trace trace = traces.get(p.id());
            Set<String> atBroker = trace.reached().getOrDefault(s.broker(), Set.of());
            boolean matchesHere = atBroker.stream().anyMatch(x -> Topics.matches(filter, x));
            if (matchesHere) {
                String denied = trace.stops().stream().filter(x -> x.contains(" " + s.name() + " read "))
                        .findFirst().orElse("it reaches " + here);
                parts.add(p.name() + "'s " + p.topic() + ": " + denied);
            } else if (Topics.matches(filter, p.topic())) {
                parts.add(story(t, p, trace, atBroker.isEmpty() ? ""
                        : "; on " + here + " it is " + String.join(", ", atBroker) + ", which " + filter
                                + " does not match"));
            } else if (!atBroker.isEmpty()) {
                others.add(p.name() + "'s " + p.topic() + " reaches " + here + " as " + String.join(", ", atBroker)
                        + ", which " + filter + " does not match");
            }
        }
        if (!parts.isEmpty()) {
            return String.join(". ", parts);
        }
        String none = "no publisher publishes to a topic that " + filter + " matches";
        return others.isEmpty() ? none + ", and none reaches " + here : none + ". " + String.join(". ", others);
    }

    private static String andList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}

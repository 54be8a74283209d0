package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Severity;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/**
 * Small random topologies from a seed, for comparing the runtimes: 2 to 4 anonymous brokers joined
 * as a chain, a fan-in or a random tree by bridges with 1 or 2 rules (out, in or both, QoS 1 or 2,
 * sometimes with prefixes; two rules of one bridge never match the same topic), and a few publishers (3 to 5 messages, 50 ms apart, QoS 1 or 2, payload
 * {@code <id> #<seq>}) and subscribers (exact and wildcard filters, QoS 1 or 2). Trees never loop,
 * and a candidate is kept only when the {@link Checker} finds no error, the {@link Router} finds
 * no loop and at least one publisher reaches a subscriber. Everything has QoS 1 or 2, so that every
 * message must arrive and the delivered sets can be compared exactly.
 */
final class RandomTopologies {
    /** Designed ports start here, {@link #PORTS_PER_TOPOLOGY} per topology; a run moves them with an offset. */
    static final int BASE_PORT = 21000;
    static final int PORTS_PER_TOPOLOGY = 4;
    static final int INTERVAL_MS = 50;

    private enum Shape { CHAIN, FAN_IN, TREE }

    private static final List<String> LEAVES = List.of("a", "b", "c/d");

    private final Checker checker = new Checker();
    private final Router router = new Router();

    /** {@code count} usable topologies, the same ones for the same seed. */
    List<Topology> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Topology> topologies = new ArrayList<>();
        for (int attempt = 0; topologies.size() < count; attempt++) {
            if (attempt > count * 100) {
                throw new IllegalStateException("only " + topologies.size() + " usable topologies in " + attempt
                        + " attempts for seed " + seed);
            }
            Topology candidate = candidate(random, topologies.size(), seed);
            if (usable(candidate)) {
                topologies.add(candidate);
            }
        }
        return topologies;
    }

    private boolean usable(Topology t) {
        if (checker.check(t).stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return false;
        }
        RouteTable routes = router.routes(t);
        return routes.loops().isEmpty() && !routes.routes().isEmpty();
    }

    private static Topology candidate(SplittableRandom random, int index, long seed) {
        int brokerCount = 2 + random.nextInt(3);
        List<Broker> brokers = new ArrayList<>();
        for (int i = 0; i < brokerCount; i++) {
            brokers.add(Broker.simple("b" + i, null, BASE_PORT + PORTS_PER_TOPOLOGY * index + i, true,
                    new Position(200 * i, 100)));
        }
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        List<Bridge> bridges = new ArrayList<>();
        Set<String> topics = new LinkedHashSet<>();
        LEAVES.forEach(leaf -> topics.add("s/" + leaf));
        for (int i = 1; i < brokerCount; i++) {
            String[] ends = switch (shape) {
                case CHAIN -> new String[] {"b" + (i - 1), "b" + i};
                case FAN_IN -> new String[] {"b" + i, "b0"};
                case TREE -> random.nextBoolean() ? new String[] {"b" + i, "b" + random.nextInt(i)}
                        : new String[] {"b" + random.nextInt(i), "b" + i};
            };
            String name = "br" + i;
            List<BridgeRule> rules = new ArrayList<>();
            if (random.nextBoolean()) {
                rules.add(rule(random, pick(random, List.of("s/#", "s/+", "s/a", "s/c/#", "#")), i, topics));
            } else { // two rules that match no common topic: mosquitto sends one copy by the first matching rule
                rules.add(rule(random, "s/a", i, topics));
                rules.add(rule(random, "s/c/#", i, topics));
            }
            bridges.add(Bridge.simple(name, name, ends[0], ends[1], rules));
        }
        List<String> topicList = List.copyOf(topics);
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
            String id = "p" + i;
            publishers.add(new Publisher(id, null, pick(random, brokers).id(), ClientSettings.of(id),
                    pick(random, topicList), id + " #{seq}", INTERVAL_MS, 3 + random.nextInt(3),
                    1 + random.nextInt(2), false, null));
        }
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
            String id = "s" + i;
            subscribers.add(new Subscriber(id, null, pick(random, brokers).id(), ClientSettings.of(id),
                    List.of(new Subscription(filter(random, pick(random, topicList)), 1 + random.nextInt(2))),
                    null));
        }
        return Topology.of("random " + seed + "/" + index + " (" + shape.name().toLowerCase() + ")", brokers,
                List.of(), bridges, publishers, subscribers);
    }

    /**
     * A rule for {@code pattern}; with prefixes sometimes, whose prefixed topics join the topics
     * publishers may use, so that remaps are exercised.
     */
    private static BridgeRule rule(SplittableRandom random, String pattern, int bridge, Set<String> topics) {
        Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
        int qos = 1 + random.nextInt(2);
        if (pattern.equals("#") || random.nextInt(3) > 0) {
            return new BridgeRule(pattern, direction, qos, null, null);
        }
        String local = random.nextBoolean() ? "l" + bridge + "/" : "";
        String remote = local.isEmpty() || random.nextBoolean() ? "r" + bridge + "/" : "";
        LEAVES.forEach(leaf -> {
            topics.add(local + "s/" + leaf);
            topics.add(remote + "s/" + leaf);
        });
        return new BridgeRule(pattern, direction, qos, local, remote);
    }

    /** The topic itself, or a filter with a wildcard that matches it. */
    private static String filter(SplittableRandom random, String topic) {
        String[] levels = topic.split("/");
        return switch (random.nextInt(4)) {
            case 0 -> topic;
            case 1 -> "#";
            case 2 -> levels[0] + "/#";
            default -> {
                levels[levels.length - 1] = "+";
                yield String.join("/", levels);
            }
        };
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}

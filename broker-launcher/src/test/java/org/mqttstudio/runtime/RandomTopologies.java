package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Severity;
import org.mqttstudio.mosquitto.PasswordHash;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

/**
 * Small random topologies from a seed, for comparing the runtimes: 2 to 4 brokers joined as a chain, a
 * fan-in or a random tree by bridges with 1 or 2 rules (out, in or both, QoS 0 to 2, sometimes with
 * prefixes, `both` ones too; two rules of one bridge never match the same topic), sometimes one more
 * bridge to an external broker, and a few publishers (3 to 5 messages, 50 ms apart, QoS 0 to 2, payload
 * {@code <id> #<seq>}) and subscribers (exact and wildcard filters, QoS 0 to 2).
 *
 * <p>A broker is open, or refuses anonymous clients and knows the users {@link #USERS} (password
 * {@code <user>-pw}), sometimes with an ACL that limits each of them (all of '#', only s/#, reading all and
 * writing s/a, or all but s/c/#); its clients and the bridges towards it log in as one of them. Some brokers
 * have max_qos 1: their publishers publish at QoS 1 at most and the rules of bridges that touch them are capped
 * to it (a 3.1.1 client above max_qos is disconnected, measured for publishers; for bridges it is not measured,
 * so kept out). QoS 0 is safe to compare: 20 messages a second over loopback, published only once every bridge
 * and subscriber is connected, lose nothing.
 *
 * <p>An external broker is a {@code 127.0.0.1} address at {@link #EXTERNAL_PORT}: the test runs a broker there
 * (and moves the port). Its bridges have out and in rules only: the embedded runtime's bridge speaks plain MQTT
 * 3.1.1 (hivemq-mqtt-client cannot set mosquitto's bridge flag), so an outside mosquitto sends a `both` rule's
 * messages back to it, a measured difference ({@link KnownDifferences#BOTH_TO_EXTERNAL}, ExternalBrokerEchoTest)
 * that the checker warns of (bridge-echo).
 *
 * <p>Trees never loop, and a candidate is kept only when the {@link Checker} finds no error, the {@link Router}
 * finds no loop and at least one publisher reaches a subscriber.
 */
final class RandomTopologies {
    /** Designed ports start here, {@link #PORTS_PER_TOPOLOGY} per topology; a run moves them with an offset. */
    static final int BASE_PORT = 21000;
    static final int PORTS_PER_TOPOLOGY = 4;
    static final int INTERVAL_MS = 50;
    /** Where external brokers are said to listen; the test moves it to a broker of its own. */
    static final int EXTERNAL_PORT = 1;
    static final List<String> USERS = List.of("alice", "bob");

    private enum Shape { CHAIN, FAN_IN, TREE }

    private enum Security { OPEN, USERS, USERS_AND_ACL }

    private static final List<String> LEAVES = List.of("a", "b", "c/d");
    private static final String EXTERNAL = "x";

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

    static String password(String user) {
        return user + "-pw";
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
            brokers.add(broker(random, "b" + i, BASE_PORT + PORTS_PER_TOPOLOGY * index + i, i));
        }
        boolean external = random.nextInt(4) == 0;
        List<String> nodes = new ArrayList<>(brokers.stream().map(Broker::id).toList());
        if (external) {
            nodes.add(EXTERNAL);
        }
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        List<Bridge> bridges = new ArrayList<>();
        Set<String> topics = new LinkedHashSet<>();
        LEAVES.forEach(leaf -> topics.add("s/" + leaf));
        for (int i = 1; i < nodes.size(); i++) {
            String[] ends = i == brokerCount ? new String[] {pick(random, brokers).id(), EXTERNAL} : switch (shape) {
                case CHAIN -> new String[] {"b" + (i - 1), "b" + i};
                case FAN_IN -> new String[] {"b" + i, "b0"};
                case TREE -> random.nextBoolean() ? new String[] {"b" + i, "b" + random.nextInt(i)}
                        : new String[] {"b" + random.nextInt(i), "b" + i};
            };
            int maxQos = Math.min(maxQos(brokers, ends[0]), maxQos(brokers, ends[1]));
            boolean toExternal = ends[1].equals(EXTERNAL);
            String name = "br" + i;
            List<BridgeRule> rules = new ArrayList<>();
            if (random.nextBoolean()) {
                rules.add(rule(random, pick(random, List.of("s/#", "s/+", "s/a", "s/c/#", "#")), i, topics, maxQos,
                        toExternal));
            } else { // two rules that match no common topic: mosquitto sends one copy by the first matching rule
                rules.add(rule(random, "s/a", i, topics, maxQos, toExternal));
                rules.add(rule(random, "s/c/#", i, topics, maxQos, toExternal));
            }
            String user = brokers.stream().filter(b -> b.id().equals(ends[1]) && !b.allowAnonymous()).findFirst()
                    .map(b -> pick(random, USERS)).orElse(null);
            bridges.add(new Bridge(name, name, ends[0], ends[1], rules, null, null, null, null, user,
                    user == null ? null : password(user), null, null, null, null, null, null, null, null, null,
                    null));
        }
        List<String> topicList = List.copyOf(topics);
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
            String id = "p" + i;
            String at = pick(random, nodes);
            publishers.add(new Publisher(id, null, at, client(random, id, brokers, at), pick(random, topicList),
                    id + " #{seq}", INTERVAL_MS, 3 + random.nextInt(3), random.nextInt(maxQos(brokers, at) + 1),
                    false, null));
        }
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
            String id = "s" + i;
            String at = pick(random, nodes);
            subscribers.add(new Subscriber(id, null, at, client(random, id, brokers, at),
                    List.of(new Subscription(filter(random, pick(random, topicList)), random.nextInt(3))), null));
        }
        List<ExternalBroker> externals = external
                ? List.of(new ExternalBroker(EXTERNAL, "outside", "127.0.0.1", EXTERNAL_PORT, null)) : List.of();
        return Topology.of("random " + seed + "/" + index + " (" + shape.name().toLowerCase()
                + (external ? ", external" : "") + ")", brokers, externals, bridges, publishers, subscribers);
    }

    private static Broker broker(SplittableRandom random, String id, int port, int index) {
        Security security = Security.values()[random.nextInt(Security.values().length)];
        BrokerLimits limits = random.nextInt(5) == 0 ? new BrokerLimits(1, null, null, null, null) : null;
        List<User> users = new ArrayList<>();
        List<AclRule> acl = new ArrayList<>();
        if (security != Security.OPEN) {
            for (String user : USERS) {
                byte[] salt = new byte[12];
                random.nextBytes(salt); // a salt from the seed: the same seed gives the same topologies
                users.add(new User(user, PasswordHash.hash(password(user), salt, PasswordHash.ITERATIONS)));
                if (security == Security.USERS_AND_ACL) {
                    acl.addAll(grants(random, user));
                }
            }
        }
        return new Broker(id, null, null, List.of(Listener.mqtt(port)), security == Security.OPEN, users, acl, null,
                null, limits, null, new Position(200 * index, 100));
    }

    /** One of a few ACLs for a user. */
    private static List<AclRule> grants(SplittableRandom random, String user) {
        return switch (random.nextInt(4)) {
            case 0 -> List.of(new AclRule(user, false, AclAccess.READWRITE, "#"));
            case 1 -> List.of(new AclRule(user, false, AclAccess.READWRITE, "s/#"));
            case 2 -> List.of(new AclRule(user, false, AclAccess.READ, "#"),
                    new AclRule(user, false, AclAccess.WRITE, "s/a"));
            default -> List.of(new AclRule(user, false, AclAccess.READWRITE, "#"),
                    new AclRule(user, false, AclAccess.DENY, "s/c/#"));
        };
    }

    /** Anonymous on an open or external broker, else one of the broker's users. */
    private static ClientSettings client(SplittableRandom random, String id, List<Broker> brokers, String at) {
        boolean secured = brokers.stream().anyMatch(b -> b.id().equals(at) && !b.allowAnonymous());
        String user = secured ? pick(random, USERS) : null;
        return new ClientSettings(id, null, user, user == null ? null : password(user), null, null);
    }

    private static int maxQos(List<Broker> brokers, String id) {
        return brokers.stream().filter(b -> b.id().equals(id)).findFirst()
                .map(b -> b.limits().effectiveMaxQos()).orElse(2);
    }

    /**
     * A rule for {@code pattern} at QoS {@code maxQos} at most; with prefixes sometimes, whose prefixed topics join
     * the topics publishers may use, so that remaps are exercised.
     */
    private static BridgeRule rule(SplittableRandom random, String pattern, int bridge, Set<String> topics,
            int maxQos, boolean toExternal) {
        Direction direction = toExternal ? (random.nextBoolean() ? Direction.OUT : Direction.IN)
                : Direction.values()[random.nextInt(Direction.values().length)];
        int qos = random.nextInt(maxQos + 1);
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

package org.mqttstudio.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A whole design: brokers, external brokers, bridges and simulated clients. Immutable; an edit
 * makes a new {@code Topology}. The constructor checks what makes a file unusable: duplicate ids
 * and references to elements that do not exist. Everything mosquitto would merely refuse or
 * misroute is left to the checker, so that it can be shown on the canvas.
 */
public record Topology(String format, int version, String name, List<Broker> brokers,
        List<ExternalBroker> externalBrokers, List<Bridge> bridges, List<Publisher> publishers,
        List<Subscriber> subscribers) {

    public static final String FORMAT = "mqtt-topology-studio";
    public static final int VERSION = 1;

    public Topology {
        format = format == null ? FORMAT : format;
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("'format' must be \"" + FORMAT + "\", not \"" + format + "\"");
        }
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("'version' " + version + " is not supported (this Studio reads version "
                    + VERSION + ")");
        }
        name = name == null ? "" : name;
        brokers = Checks.list(brokers);
        externalBrokers = Checks.list(externalBrokers);
        bridges = Checks.list(bridges);
        publishers = Checks.list(publishers);
        subscribers = Checks.list(subscribers);
        checkIds(brokers, externalBrokers, bridges, publishers, subscribers);
        checkReferences(brokers, externalBrokers, bridges, publishers, subscribers);
    }

    public static Topology of(String name, List<Broker> brokers, List<ExternalBroker> externalBrokers,
            List<Bridge> bridges, List<Publisher> publishers, List<Subscriber> subscribers) {
        return new Topology(FORMAT, VERSION, name, brokers, externalBrokers, bridges, publishers, subscribers);
    }

    public static Topology empty() {
        return of("", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Broker> broker(String id) {
        return brokers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<ExternalBroker> externalBroker(String id) {
        return externalBrokers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<Bridge> bridge(String id) {
        return bridges.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Every node in a stable order: brokers, external brokers, publishers, subscribers. */
    public List<Node> nodes() {
        return Stream.of(brokers, externalBrokers, publishers, subscribers).<Node>flatMap(List::stream).toList();
    }

    public Optional<Node> node(String id) {
        return nodes().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The display name of any element (node or bridge) by id, or the id itself. */
    public String nameOf(String id) {
        return node(id).map(Node::name).or(() -> bridge(id).map(Bridge::name)).orElse(id);
    }

    public List<Bridge> bridgesFrom(String brokerId) {
        return bridges.stream().filter(b -> b.from().equals(brokerId)).toList();
    }

    public List<Bridge> bridgesTo(String nodeId) {
        return bridges.stream().filter(b -> b.to().equals(nodeId)).toList();
    }

    public List<Publisher> publishersOn(String brokerId) {
        return publishers.stream().filter(p -> p.broker().equals(brokerId)).toList();
    }

    public List<Subscriber> subscribersOn(String brokerId) {
        return subscribers.stream().filter(s -> s.broker().equals(brokerId)).toList();
    }

    /** This topology with {@code node} added, or replacing the node with its id in place (list order kept). */
    public Topology withNode(Node node) {
        if (node instanceof Broker b) {
            return with(replaced(brokers, b, Broker::id), externalBrokers, bridges, publishers, subscribers);
        }
        if (node instanceof ExternalBroker e) {
            return with(brokers, replaced(externalBrokers, e, ExternalBroker::id), bridges, publishers, subscribers);
        }
        if (node instanceof Publisher p) {
            return with(brokers, externalBrokers, bridges, replaced(publishers, p, Publisher::id), subscribers);
        }
        return with(brokers, externalBrokers, bridges, publishers,
                replaced(subscribers, (Subscriber) node, Subscriber::id));
    }

    /** This topology with {@code bridge} added, or replacing the bridge with its id in place. */
    public Topology withBridge(Bridge bridge) {
        return with(brokers, externalBrokers, replaced(bridges, bridge, Bridge::id), publishers, subscribers);
    }

    /**
     * This topology without the elements named by {@code ids}. Removing a broker or external broker also
     * removes the bridges touching it and the clients attached to it, so the result stays valid.
     */
    public Topology without(Set<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        List<Bridge> keptBridges = bridges.stream()
                .filter(b -> !gone.contains(b.id()) && !gone.contains(b.from()) && !gone.contains(b.to())).toList();
        return with(brokers.stream().filter(b -> !gone.contains(b.id())).toList(),
                externalBrokers.stream().filter(e -> !gone.contains(e.id())).toList(), keptBridges,
                publishers.stream().filter(p -> !gone.contains(p.id()) && !gone.contains(p.broker())).toList(),
                subscribers.stream().filter(s -> !gone.contains(s.id()) && !gone.contains(s.broker())).toList());
    }

    /** {@code prefix} followed by the smallest number from 1 that no element uses as its id. */
    public String freshId(String prefix) {
        Set<String> used = new HashSet<>();
        nodes().forEach(n -> used.add(n.id()));
        bridges.forEach(b -> used.add(b.id()));
        int n = 1;
        while (used.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    private Topology with(List<Broker> brokers, List<ExternalBroker> externalBrokers, List<Bridge> bridges,
            List<Publisher> publishers, List<Subscriber> subscribers) {
        return new Topology(format, version, name, brokers, externalBrokers, bridges, publishers, subscribers);
    }

    private static <T> List<T> replaced(List<T> list, T element, Function<T, String> id) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (id.apply(out.get(i)).equals(id.apply(element))) {
                out.set(i, element);
                return out;
            }
        }
        out.add(element);
        return out;
    }

    private static void checkIds(List<Broker> brokers, List<ExternalBroker> externals, List<Bridge> bridges,
            List<Publisher> publishers, List<Subscriber> subscribers) {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        brokers.forEach(b -> ids.add(b.id()));
        externals.forEach(b -> ids.add(b.id()));
        bridges.forEach(b -> ids.add(b.id()));
        publishers.forEach(p -> ids.add(p.id()));
        subscribers.forEach(s -> ids.add(s.id()));
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate id '" + id + "': every element needs its own id");
            }
        }
    }

    private static void checkReferences(List<Broker> brokers, List<ExternalBroker> externals, List<Bridge> bridges,
            List<Publisher> publishers, List<Subscriber> subscribers) {
        Set<String> brokerIds = new HashSet<>();
        brokers.forEach(b -> brokerIds.add(b.id()));
        Set<String> targetIds = new HashSet<>(brokerIds);
        externals.forEach(b -> targetIds.add(b.id()));
        for (int i = 0; i < bridges.size(); i++) {
            Bridge b = bridges.get(i);
            String where = "bridges[" + i + "] ('" + b.id() + "')";
            if (!brokerIds.contains(b.from())) {
                throw new IllegalArgumentException(where + ": 'from' names '" + b.from() + "', which is not a broker");
            }
            if (!targetIds.contains(b.to())) {
                throw new IllegalArgumentException(where + ": 'to' names '" + b.to()
                        + "', which is neither a broker nor an external broker");
            }
            if (b.from().equals(b.to())) {
                throw new IllegalArgumentException(where + ": a bridge cannot connect broker '" + b.from() + "' to itself");
            }
        }
        for (int i = 0; i < publishers.size(); i++) {
            checkClientBroker("publishers[" + i + "] ('" + publishers.get(i).id() + "')", publishers.get(i).broker(),
                    targetIds);
        }
        for (int i = 0; i < subscribers.size(); i++) {
            checkClientBroker("subscribers[" + i + "] ('" + subscribers.get(i).id() + "')", subscribers.get(i).broker(),
                    targetIds);
        }
    }

    private static void checkClientBroker(String where, String brokerId, Set<String> targetIds) {
        if (!targetIds.contains(brokerId)) {
            throw new IllegalArgumentException(where + ": 'broker' names '" + brokerId
                    + "', which is neither a broker nor an external broker");
        }
    }
}

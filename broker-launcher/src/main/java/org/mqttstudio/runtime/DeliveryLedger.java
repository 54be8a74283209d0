package org.mqttstudio.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * What a run published and delivered, kept as counts while it happens, in memory that does not grow
 * with the run's length: counters per publisher, per subscriber and topic, and per publisher,
 * subscriber and topic; a window of the latest {@code window} expected copies, to tell a message
 * arriving once more than the route table predicts (a duplicate) from one not arrived yet (missing);
 * and the latest {@code recent} deliveries for views.
 *
 * <p>A message is known by its topic at the subscriber and its payload (as a 64-bit hash), which is
 * its publisher and sequence number when the payload template has {@code {seq}}; messages with equal
 * payloads (the samples' constant or random ones) are told apart by count only: a delivery is matched
 * with the oldest copy of it that is still expected, as the multiset comparison of published and
 * received messages would. A copy that leaves the window unmatched stays missing; a
 * delivery of a message the window no longer holds (or that no publisher of the topology sent, say a
 * retained message of an earlier run) counts as received but neither as matched nor as duplicate.
 * Publishers register a message before sending it, so a delivery never overtakes its expectation.
 * Thread-safe; each call is short and constant-time except {@link #summary}, which is linear in
 * publishers, subscribers and topics, not in messages.
 */
public final class DeliveryLedger {
    public static final int DEFAULT_WINDOW = 65_536;
    public static final int DEFAULT_RECENT = 10_000;
    /** Topics counted per subscriber; more arrive (an outside client's) under {@link #OTHER_TOPICS}. */
    static final int MAX_TOPICS = 1_000;
    static final String OTHER_TOPICS = "(other topics)";
    /** Distinct sets of subscription identifiers counted per subscriber. */
    static final int MAX_IDENTIFIER_SETS = 64;

    /** A message a publisher registered with {@link #sent}; hand it back to {@link #published} or {@link #failed}. */
    public static final class Sent {
        private final PublisherTally publisher;
        private final Pending[] copies;

        private Sent(PublisherTally publisher, Pending[] copies) {
            this.publisher = publisher;
            this.copies = copies;
        }
    }

    /** A message as one subscriber sees it. */
    private record Key(String subscriberId, String topic, long payloadHash) {
    }

    /** Copies of one message expected by one subscriber on one topic. */
    private static final class Pending {
        final Key key;
        final RouteTally tally;
        int expected;
        int matched;
        boolean evicted;

        Pending(Key key, RouteTally tally, int expected) {
            this.key = key;
            this.tally = tally;
            this.expected = expected;
        }
    }

    /** The window's copies of one message: those still expected (oldest first), and how many are complete. */
    private static final class KeyState {
        final ArrayDeque<Pending> open = new ArrayDeque<>(2);
        int complete;
    }

    private static final class PublisherTally {
        long sent;
        long published;
        long failed;
    }

    /** Expected and matched copies of one publisher's messages at one subscriber, on one topic. */
    private static final class RouteTally {
        final String publisherId;
        long expected;
        long matched;

        RouteTally(String publisherId) {
            this.publisherId = publisherId;
        }
    }

    private static final class SubscriberTally {
        final Map<String, long[]> receivedByTopic = new LinkedHashMap<>();
        final Map<List<Integer>, long[]> byIdentifiers = new LinkedHashMap<>();
        long duplicates;
    }

    private final Topology topology;
    private final Expectations expectations;
    private final int window;
    private final int recentCapacity;
    private final Map<String, PublisherTally> publishers = new LinkedHashMap<>();
    private final Map<String, SubscriberTally> subscribers = new LinkedHashMap<>();
    /** Per subscriber and topic, per publisher: fixed by the route table. */
    private final Map<List<String>, List<RouteTally>> routeTallies = new LinkedHashMap<>();
    private final Map<List<String>, RouteTally> routeTallyOf = new HashMap<>();
    private final ArrayDeque<Pending> pendings = new ArrayDeque<>();
    private final Map<Key, KeyState> keys = new HashMap<>();
    private final ArrayDeque<Delivery> recent = new ArrayDeque<>();
    private long expectedTotal;
    private long matchedTotal;
    private long receivedTotal;

    public DeliveryLedger(Topology topology, RouteTable routes, OverlapPolicy policy) {
        this(topology, routes, policy, DEFAULT_WINDOW, DEFAULT_RECENT);
    }

    DeliveryLedger(Topology topology, RouteTable routes, OverlapPolicy policy, int window, int recent) {
        if (window < 1 || recent < 0) {
            throw new IllegalArgumentException("window must be at least 1 and recent at least 0");
        }
        this.topology = topology;
        this.expectations = new Expectations(routes, policy);
        this.window = window;
        this.recentCapacity = recent;
        topology.publishers().forEach(p -> publishers.put(p.id(), new PublisherTally()));
        topology.subscribers().forEach(s -> subscribers.put(s.id(), new SubscriberTally()));
        for (Publisher p : topology.publishers()) {
            for (Expectations.Expect e : expectations.of(p.id())) {
                RouteTally tally = new RouteTally(p.id());
                routeTallies.computeIfAbsent(List.of(e.subscriberId(), e.topic()), k -> new ArrayList<>()).add(tally);
                routeTallyOf.put(List.of(p.id(), e.subscriberId(), e.topic()), tally);
            }
        }
    }

    /** The publisher is about to send {@code payload}: from now on its copies are expected. */
    public synchronized Sent sent(String publisherId, byte[] payload) {
        PublisherTally publisher = publishers.computeIfAbsent(publisherId, p -> new PublisherTally());
        publisher.sent++;
        long hash = hash(payload);
        List<Expectations.Expect> expects = expectations.of(publisherId);
        Pending[] copies = new Pending[expects.size()];
        for (int i = 0; i < copies.length; i++) {
            Expectations.Expect e = expects.get(i);
            Pending p = new Pending(new Key(e.subscriberId(), e.topic(), hash),
                    routeTallyOf.get(List.of(publisherId, e.subscriberId(), e.topic())), e.copies());
            copies[i] = p;
            p.tally.expected += p.expected;
            expectedTotal += p.expected;
            keys.computeIfAbsent(p.key, k -> new KeyState()).open.addLast(p);
            pendings.addLast(p);
            if (pendings.size() > window) {
                evict(pendings.removeFirst());
            }
        }
        return new Sent(publisher, copies);
    }

    /** The broker acknowledged the message (or it was written, at QoS 0). */
    public synchronized void published(Sent sent) {
        sent.publisher.published++;
    }

    /** The message was not published after all: its copies are no longer expected. */
    public synchronized void failed(Sent sent) {
        sent.publisher.failed++;
        for (Pending p : sent.copies) {
            int missing = p.expected - p.matched;
            if (missing == 0) {
                continue;
            }
            p.tally.expected -= missing;
            expectedTotal -= missing;
            p.expected = p.matched;
            if (!p.evicted) {
                KeyState state = keys.get(p.key);
                state.open.remove(p);
                state.complete++;
            }
        }
    }

    /** A subscriber received a PUBLISH packet. */
    public synchronized void received(Delivery d) {
        receivedTotal++;
        SubscriberTally s = subscribers.computeIfAbsent(d.subscriberId(), id -> new SubscriberTally());
        String topic = s.receivedByTopic.size() < MAX_TOPICS || s.receivedByTopic.containsKey(d.topic())
                ? d.topic() : OTHER_TOPICS;
        s.receivedByTopic.computeIfAbsent(topic, t -> new long[1])[0]++;
        if (!d.subscriptionIdentifiers().isEmpty() && (s.byIdentifiers.size() < MAX_IDENTIFIER_SETS
                || s.byIdentifiers.containsKey(d.subscriptionIdentifiers()))) {
            s.byIdentifiers.computeIfAbsent(d.subscriptionIdentifiers(), ids -> new long[1])[0]++;
        }
        KeyState state = keys.get(new Key(d.subscriberId(), d.topic(), d.payloadHash()));
        if (state != null && !state.open.isEmpty()) {
            Pending p = state.open.peekFirst();
            p.matched++;
            p.tally.matched++;
            matchedTotal++;
            if (p.matched == p.expected) {
                state.open.removeFirst();
                state.complete++;
            }
        } else if (state != null) {
            s.duplicates++;
        }
        if (recentCapacity > 0) {
            if (recent.size() == recentCapacity) {
                recent.removeFirst();
            }
            recent.addLast(d);
        }
    }

    /** The oldest copy leaves the window; unmatched, it stays missing. */
    private void evict(Pending p) {
        p.evicted = true;
        KeyState state = keys.get(p.key);
        if (p.matched < p.expected) {
            state.open.removeFirst(); // the oldest open copy of its message: copies are opened in window order
        } else {
            state.complete--;
        }
        if (state.open.isEmpty() && state.complete == 0) {
            keys.remove(p.key);
        }
    }

    /** Copies expected by the route table that have not arrived (yet). */
    public synchronized long missing() {
        return expectedTotal - matchedTotal;
    }

    /** PUBLISH packets the subscribers received. */
    public synchronized long receivedCount() {
        return receivedTotal;
    }

    /** The latest deliveries, oldest first (at most {@code recent} of them). */
    public synchronized List<Delivery> recent() {
        return List.copyOf(recent);
    }

    /** What was published, received, duplicated and lost so far. */
    public synchronized RunSummary summary() {
        List<RunSummary.PublisherSummary> pubs = new ArrayList<>();
        publishers.forEach((id, p) -> pubs.add(new RunSummary.PublisherSummary(id, p.sent, p.published, p.failed)));
        List<RunSummary.SubscriberSummary> subs = new ArrayList<>();
        for (Subscriber sub : topology.subscribers()) {
            SubscriberTally s = subscribers.get(sub.id());
            Map<String, Long> byTopic = new LinkedHashMap<>();
            s.receivedByTopic.forEach((topic, n) -> byTopic.put(topic, n[0]));
            List<RunSummary.IdentifierCount> byIds = new ArrayList<>();
            s.byIdentifiers.forEach((ids, n) -> byIds.add(new RunSummary.IdentifierCount(ids, n[0])));
            subs.add(new RunSummary.SubscriberSummary(sub.id(), byTopic, s.duplicates, byIds));
        }
        List<RunSummary.Undelivered> undelivered = new ArrayList<>();
        routeTallies.forEach((where, tallies) -> {
            long expected = tallies.stream().mapToLong(t -> t.expected).sum();
            long matched = tallies.stream().mapToLong(t -> t.matched).sum();
            if (matched < expected) {
                undelivered.add(new RunSummary.Undelivered(where.get(0), where.get(1), tallies.stream()
                        .filter(t -> t.matched < t.expected).map(t -> t.publisherId).toList(), expected, matched));
            }
        });
        return new RunSummary(pubs, subs, undelivered);
    }

    /** How full each store is, for tests of the bounds. */
    synchronized Sizes sizes() {
        int topics = subscribers.values().stream().mapToInt(s -> s.receivedByTopic.size()).max().orElse(0);
        int identifierSets = subscribers.values().stream().mapToInt(s -> s.byIdentifiers.size()).max().orElse(0);
        return new Sizes(pendings.size(), keys.size(), recent.size(), topics, identifierSets,
                publishers.size() + subscribers.size() + routeTallyOf.size());
    }

    /**
     * @param pendings expected copies in the window (at most {@code window})
     * @param keys distinct messages in the window (at most {@code window})
     * @param recent deliveries kept (at most {@code recent})
     * @param topics the most topics of one subscriber (at most {@link #MAX_TOPICS} + 1)
     * @param identifierSets the most identifier sets of one subscriber (at most {@link #MAX_IDENTIFIER_SETS})
     * @param tallies counters per publisher, subscriber and route: fixed by the topology
     */
    record Sizes(int pendings, int keys, int recent, int topics, int identifierSets, int tallies) {
    }

    /** FNV-1a, 64 bits: distinct payloads of one run collide with a chance of about n² / 2⁶⁵. */
    static long hash(byte[] payload) {
        long h = 0xcbf29ce484222325L;
        for (byte b : payload) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

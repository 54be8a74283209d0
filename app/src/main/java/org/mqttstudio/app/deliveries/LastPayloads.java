package org.mqttstudio.app.deliveries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * The latest {@code perSubscriber} messages each subscriber of a run received: bounded whatever the run's length.
 * Filled and read by the pump's thread only.
 */
final class LastPayloads {
    private record Where(String name, String brokerId, String clientId) {
    }

    /** A message and when it came here: subscribers' clocks may tie, their arrival order here does not. */
    private record Kept(long arrival, LastPayload message) {
    }

    private final int perSubscriber;
    private final Map<String, Where> subscribers = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Kept>> latest = new LinkedHashMap<>();
    private long arrivals;

    LastPayloads(Topology topology, int perSubscriber) {
        if (perSubscriber < 1) {
            throw new IllegalArgumentException("perSubscriber must be at least 1: " + perSubscriber);
        }
        this.perSubscriber = perSubscriber;
        for (Subscriber s : topology.subscribers()) {
            subscribers.put(s.id(), new Where(s.name(), s.broker(), s.client().clientId()));
            latest.put(s.id(), new ArrayDeque<>(perSubscriber));
        }
    }

    /** Keeps a delivery; one to a subscriber the topology does not have is not the view's. */
    void add(Delivery d) {
        Where where = subscribers.get(d.subscriberId());
        if (where == null) {
            return;
        }
        ArrayDeque<Kept> kept = latest.get(d.subscriberId());
        if (kept.size() == perSubscriber) {
            kept.removeFirst();
        }
        kept.addLast(new Kept(arrivals++, LastPayload.of(d, where.name(), where.brokerId(), where.clientId())));
    }

    /** Every subscriber's kept messages, newest first. */
    List<LastPayload> newestFirst() {
        List<Kept> all = new ArrayList<>();
        latest.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(Kept::arrival).reversed());
        return all.stream().map(Kept::message).toList();
    }
}

package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a run's events (node status, deliveries) to any number of consumers without blocking
 * the thread that emits them (often a network thread): each consumer has a bounded queue it
 * drains with {@link Subscription#poll}; when it is full, further events for it are dropped and
 * counted (as {@link org.mqttstudio.trace.Recorder} does for packets).
 */
public final class EventFeed<T> {
    private final List<Subscription<T>> subscriptions = new CopyOnWriteArrayList<>();

    void emit(T event) {
        for (Subscription<T> subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** Events emitted from now on, queued up to {@code capacity} until polled. */
    public Subscription<T> subscribe(int capacity) {
        Subscription<T> subscription = new Subscription<>(this, capacity);
        subscriptions.add(subscription);
        return subscription;
    }

    /** One consumer's queue. */
    public static final class Subscription<T> implements AutoCloseable {
        private final EventFeed<T> feed;
        private final int capacity;
        private final Queue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicLong dropped = new AtomicLong();

        private Subscription(EventFeed<T> feed, int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
            }
            this.feed = feed;
            this.capacity = capacity;
        }

        private void offer(T event) {
            if (queued.incrementAndGet() > capacity) {
                queued.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            queue.add(event);
        }

        /** Up to {@code max} queued events, oldest first; returns at once, maybe with none. */
        public List<T> poll(int max) {
            List<T> events = new ArrayList<>();
            T event;
            while (events.size() < max && (event = queue.poll()) != null) {
                queued.decrementAndGet();
                events.add(event);
            }
            return events;
        }

        public long droppedCount() {
            return dropped.get();
        }

        @Override
        public void close() {
            feed.subscriptions.remove(this);
            queue.clear();
        }
    }
}

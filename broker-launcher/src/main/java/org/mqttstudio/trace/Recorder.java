package org.mqttstudio.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Keeps the latest packet events in a ring buffer and hands them to subscribers, without ever blocking the
 * network threads that append: appending takes no lock, and each subscriber gets a bounded queue that its
 * consumer drains (e.g. once per UI frame); when that queue is full, events for it are dropped and counted.
 */
public final class Recorder implements Consumer<PacketEvent> {
    public static final int DEFAULT_CAPACITY = 200_000;
    public static final int DEFAULT_SUBSCRIBER_CAPACITY = 100_000;

    /** A slot remembers its sequence number, so a snapshot can tell a current event from an overwritten one. */
    private record Slot(long sequence, PacketEvent event) {
    }

    private final int capacity;
    private final AtomicReferenceArray<Slot> slots;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong clearedBefore = new AtomicLong();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public Recorder() {
        this(DEFAULT_CAPACITY);
    }

    public Recorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Records an event and offers it to every subscriber; never blocks. */
    @Override
    public void accept(PacketEvent event) {
        Objects.requireNonNull(event, "event");
        long sequence = appended.getAndIncrement();
        slots.set((int) (sequence % capacity), new Slot(sequence, event));
        for (Subscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** The recorded events, oldest first: at most the capacity, the latest ones. */
    public List<PacketEvent> snapshot() {
        long end = appended.get();
        long start = Math.max(clearedBefore.get(), end - capacity);
        List<PacketEvent> events = new ArrayList<>((int) Math.max(0, end - start));
        for (long sequence = start; sequence < end; sequence++) {
            Slot slot = slots.get((int) (sequence % capacity));
            // A slot still being written (or already overwritten by a later append) is skipped.
            if (slot != null && slot.sequence() == sequence) {
                events.add(slot.event());
            }
        }
        return events;
    }

    /** Empties the snapshot (subscribers keep what they have queued). */
    public void clear() {
        clearedBefore.set(appended.get());
    }

    public int capacity() {
        return capacity;
    }

    /** How many events were ever appended (including those the ring has since overwritten). */
    public long appendedCount() {
        return appended.get();
    }

    /** Subscribes with a queue of {@link #DEFAULT_SUBSCRIBER_CAPACITY} events. */
    public Subscription subscribe() {
        return subscribe(DEFAULT_SUBSCRIBER_CAPACITY);
    }

    /** Subscribes to events appended from now on, queued up to {@code queueCapacity} until polled. */
    public Subscription subscribe(int queueCapacity) {
        Subscription subscription = new Subscription(queueCapacity);
        subscriptions.add(subscription);
        return subscription;
    }

    /** A subscriber's queue of new events; drain it with {@link #poll}. */
    public final class Subscription implements AutoCloseable {
        private final int queueCapacity;
        private final Queue<PacketEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicLong dropped = new AtomicLong();

        private Subscription(int queueCapacity) {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1: " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
        }

        private void offer(PacketEvent event) {
            if (queued.incrementAndGet() > queueCapacity) {
                queued.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            queue.add(event);
        }

        /** Takes up to {@code max} queued events, oldest first; returns at once, maybe with none. */
        public List<PacketEvent> poll(int max) {
            List<PacketEvent> events = new ArrayList<>(Math.min(max, queued.get()));
            PacketEvent event;
            while (events.size() < max && (event = queue.poll()) != null) {
                queued.decrementAndGet();
                events.add(event);
            }
            return events;
        }

        /** Events not delivered because this queue was full. */
        public long droppedCount() {
            return dropped.get();
        }

        /** Stops delivery; queued events are discarded. */
        @Override
        public void close() {
            subscriptions.remove(this);
            queue.clear();
            queued.set(0);
        }
    }
}

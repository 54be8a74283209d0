package org.mqttstudio.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the latest packet events, at most {@link #capacity()} of them and at most {@link #maxBytes()} bytes, and
 * lets subscribers read what is new.
 *
 * <p>Events are kept written out by {@link PacketEventCodec} in one byte ring, not as objects: a full ring is one
 * array the garbage collector never traces, where 200 000 event objects outlived every young collection and made
 * collections the tapped broker's largest cost. An event is turned back into an object when it is read. One that
 * takes more than an eighth of the byte budget (a huge payload) is kept as the object itself, still counted in the
 * budget.
 *
 * <p>Appending takes a short lock (shared with readers copying bytes out, never with decoding) and never waits
 * for a subscriber: each subscriber has a read position in the ring; one that falls further behind than its
 * backlog (or than the ring keeps) loses the oldest events it has not read, and they are counted. Taps append from
 * their decoder threads, never from the network threads.
 */
public final class Recorder implements Consumer<PacketEvent> {
    public static final int DEFAULT_CAPACITY = 200_000;
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_SUBSCRIBER_CAPACITY = 100_000;
    private static final int INITIAL_RING_BYTES = 64 * 1024;

    private final int capacity;
    private final int maxBytes;
    private final Object lock = new Object();
    private final PacketSource view = new View();
    private final PacketEventCodec.Output scratch = new PacketEventCodec.Output();
    // all below guarded by lock
    /** Where event {@code sequence}'s bytes start in the ring (a position that only grows), by sequence % capacity. */
    private final long[] starts;
    /** Its length in the ring, or minus its written length for an event kept in {@link #large}. */
    private final int[] lengths;
    private final Map<Long, PacketEvent> large = new HashMap<>();
    private long largeBytes;
    private byte[] ring;
    private long head;
    private long first;
    private long appended;
    // the slots of first and appended, and where first's bytes start (head when empty): kept, not divided out
    private int firstSlot;
    private int nextSlot;
    private long firstStart;
    private long clearedBefore;

    public Recorder() {
        this(DEFAULT_CAPACITY);
    }

    public Recorder(int capacity) {
        this(capacity, DEFAULT_MAX_BYTES);
    }

    /** Keeps at most {@code capacity} events taking at most {@code maxBytes} (the latest event is always kept). */
    public Recorder(int capacity, int maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024: " + maxBytes);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.starts = new long[capacity];
        this.lengths = new int[capacity];
        this.ring = new byte[Math.min(INITIAL_RING_BYTES, maxBytes)];
    }

    /** Records an event; never waits for a reader's decoding. */
    @Override
    public void accept(PacketEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            scratch.reset();
            PacketEventCodec.write(event, scratch);
            int length = scratch.length();
            boolean isLarge = length > maxBytes / 8;
            makeRoom(isLarge ? 0 : length, isLarge ? length : 0);
            int slot = nextSlot;
            starts[slot] = head;
            if (isLarge) {
                lengths[slot] = -length;
                large.put(appended, event);
                largeBytes += length;
            } else {
                lengths[slot] = length;
                copyIn(head, scratch.buffer(), 0, length);
                head += length;
            }
            appended++;
            nextSlot = following(slot);
        }
    }

    /** The recorded events, oldest first: the latest ones, within the capacity and the byte budget. */
    public List<PacketEvent> snapshot() {
        Chunk chunk;
        synchronized (lock) {
            chunk = take(clearedBefore, Integer.MAX_VALUE);
        }
        return chunk.events();
    }

    /** Empties the snapshot (subscribers still read what they have not read yet). */
    public void clear() {
        synchronized (lock) {
            clearedBefore = appended;
        }
    }

    public int capacity() {
        return capacity;
    }

    /** The byte budget of the kept events. */
    public int maxBytes() {
        return maxBytes;
    }

    /** How many events were ever appended (including those since dropped from the ring). */
    public long appendedCount() {
        synchronized (lock) {
            return appended;
        }
    }

    /** Subscribes with a backlog of {@link #DEFAULT_SUBSCRIBER_CAPACITY} events. */
    public Subscription subscribe() {
        return subscribe(DEFAULT_SUBSCRIBER_CAPACITY);
    }

    /** Subscribes to events appended from now on; at most {@code backlog} unread ones are kept for it. */
    public Subscription subscribe(int backlog) {
        synchronized (lock) {
            return new Subscription(backlog, appended);
        }
    }

    /** This recorder read-only: what a runner hands out (readers and snapshots; no {@link #accept}, no {@link #clear}). */
    public PacketSource view() {
        return view;
    }

    /** The read-only face of this recorder. */
    private final class View implements PacketSource {
        @Override
        public PacketReader reader(int backlog) {
            synchronized (lock) {
                return new Reader(backlog, appended);
            }
        }

        @Override
        public List<SequencedPacket> snapshot() {
            Chunk chunk;
            synchronized (lock) {
                chunk = take(clearedBefore, Integer.MAX_VALUE);
            }
            return chunk.packets();
        }

        @Override
        public long recordedCount() {
            return appendedCount();
        }
    }

    /** A {@link PacketReader}: like a {@link Subscription}, but it says where it lost packets, not only how many. */
    private final class Reader implements PacketReader {
        private final int backlog;
        // guarded by the recorder's lock
        private long next;
        private long lost;
        private boolean closed;

        private Reader(int backlog, long next) {
            if (backlog < 1) {
                throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
            }
            this.backlog = backlog;
            this.next = next;
        }

        @Override
        public List<TraceEntry> poll(int max) {
            Chunk chunk;
            PacketGap gap = null;
            synchronized (lock) {
                if (closed) {
                    return List.of();
                }
                long oldest = Math.max(first, appended - backlog);
                if (next < oldest) {
                    gap = new PacketGap(next, oldest);
                    lost += oldest - next;
                    next = oldest;
                }
                chunk = take(next, max);
                next = chunk.end();
            }
            List<SequencedPacket> packets = chunk.packets();
            List<TraceEntry> entries = new ArrayList<>(packets.size() + 1);
            if (gap != null) {
                entries.add(gap);
            }
            entries.addAll(packets);
            return entries;
        }

        @Override
        public long lostCount() {
            synchronized (lock) {
                return lost;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
            }
        }
    }

    /** A subscriber's read position; read with {@link #poll}. */
    public final class Subscription implements AutoCloseable {
        private final int backlog;
        // guarded by the recorder's lock
        private long next;
        private long dropped;
        private boolean closed;

        private Subscription(int backlog, long next) {
            if (backlog < 1) {
                throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
            }
            this.backlog = backlog;
            this.next = next;
        }

        /** Takes up to {@code max} unread events, oldest first; returns at once, maybe with none. */
        public List<PacketEvent> poll(int max) {
            Chunk chunk;
            synchronized (lock) {
                if (closed) {
                    return List.of();
                }
                long oldest = Math.max(first, appended - backlog);
                if (next < oldest) {
                    dropped += oldest - next;
                    next = oldest;
                }
                chunk = take(next, max);
                next = chunk.end();
            }
            return chunk.events();
        }

        /** Unread events lost because this subscriber fell behind its backlog or the ring. */
        public long droppedCount() {
            synchronized (lock) {
                return dropped;
            }
        }

        /** Ends the subscription; {@link #poll} returns nothing from now on. */
        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
            }
        }
    }

    /** Events copied out under the lock, decoded by the reader after it let go. */
    private record Chunk(long end, byte[] bytes, int[] offsets, PacketEvent[] kept) {
        List<PacketEvent> events() {
            List<PacketEvent> events = new ArrayList<>(offsets.length);
            for (int i = 0; i < offsets.length; i++) {
                events.add(kept[i] != null ? kept[i] : PacketEventCodec.read(bytes, offsets[i]));
            }
            return events;
        }

        List<SequencedPacket> packets() {
            List<PacketEvent> events = events();
            long start = end - events.size();
            List<SequencedPacket> packets = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                packets.add(new SequencedPacket(start + i, events.get(i)));
            }
            return packets;
        }
    }

    private Chunk take(long from, int max) {
        long start = Math.max(from, first);
        int count = (int) Math.max(0, Math.min(appended - start, max));
        int startSlot = (int) (start % capacity);
        int total = 0;
        for (int i = 0, slot = startSlot; i < count; i++, slot = following(slot)) {
            total += Math.max(0, lengths[slot]);
        }
        byte[] bytes = new byte[total];
        int[] offsets = new int[count];
        PacketEvent[] kept = new PacketEvent[count];
        int at = 0;
        for (int i = 0, slot = startSlot; i < count; i++, slot = following(slot)) {
            int length = lengths[slot];
            offsets[i] = at;
            if (length < 0) {
                kept[i] = large.get(start + i);
            } else {
                copyOut(starts[slot], bytes, at, length);
                at += length;
            }
        }
        return new Chunk(start + count, bytes, offsets, kept);
    }

    /** Drops the oldest events (and grows the ring) until one more of these sizes fits every bound. */
    private void makeRoom(int ringBytes, int largeLength) {
        while (first < appended) {
            long used = ringUsed();
            if (appended - first >= capacity || used + ringBytes + largeBytes + largeLength > maxBytes) {
                dropOldest();
            } else if (used + ringBytes > ring.length) {
                grow((int) (used + ringBytes));
            } else {
                return;
            }
        }
        if (ringBytes > ring.length) {
            grow(ringBytes);
        }
    }

    private void dropOldest() {
        int length = lengths[firstSlot];
        if (length < 0) {
            large.remove(first);
            largeBytes += length;
        }
        first++;
        firstSlot = following(firstSlot);
        firstStart = first < appended ? starts[firstSlot] : head;
    }

    private long ringUsed() {
        return head - firstStart;
    }

    private void grow(int needed) {
        int size = (int) Math.min(maxBytes, Math.max(2L * ring.length, needed));
        byte[] live = new byte[(int) ringUsed()];
        copyOut(firstStart, live, 0, live.length);
        ring = new byte[size];
        copyIn(firstStart, live, 0, live.length);
    }

    private int following(int slot) {
        return slot + 1 == capacity ? 0 : slot + 1;
    }

    private void copyIn(long position, byte[] source, int offset, int length) {
        int at = (int) (position % ring.length);
        int firstPart = Math.min(length, ring.length - at);
        System.arraycopy(source, offset, ring, at, firstPart);
        System.arraycopy(source, offset + firstPart, ring, 0, length - firstPart);
    }

    private void copyOut(long position, byte[] target, int offset, int length) {
        int at = (int) (position % ring.length);
        int firstPart = Math.min(length, ring.length - at);
        System.arraycopy(ring, at, target, offset, firstPart);
        System.arraycopy(ring, 0, target, offset + firstPart, length - firstPart);
    }
}

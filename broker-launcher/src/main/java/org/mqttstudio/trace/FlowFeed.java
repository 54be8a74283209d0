package org.mqttstudio.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Feeds a {@link FlowCorrelator} on one thread of its own with the packets handed to it ({@link #accept}, the
 * taps' sink: the event objects the taps decoded, not read back from the {@link Recorder}'s bytes, which was most
 * of the correlating thread's allocation) and offers every flow it starts or changes to its readers. The correlator
 * sees packets in the order they happened ({@link TimeOrder}: a quarter second after they did); packets beyond the
 * backlog the thread has not taken yet are dropped and missing from the flows they belonged to (as those a
 * recorder reader lost were before).
 */
public final class FlowFeed implements FlowSource, Consumer<PacketEvent>, AutoCloseable {
    /** Packets the correlating thread may fall behind by before it loses some. */
    static final int PACKET_BACKLOG = Recorder.DEFAULT_SUBSCRIBER_CAPACITY;
    private static final long IDLE_MS = 10;

    private final FlowCorrelator correlator;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    /** Handed over, not taken yet; swapped for an empty list by the thread. Guarded by itself. */
    private final Object handOver = new Object();
    private List<PacketEvent> pending = new ArrayList<>();
    private Thread thread;
    private volatile boolean started;
    private volatile boolean closing;

    public FlowFeed(FlowCorrelator correlator) {
        this.correlator = Objects.requireNonNull(correlator, "correlator");
    }

    /** Starts correlating the packets handed over from now on; once. */
    public void start() {
        synchronized (lifecycle) {
            if (thread != null || closing) {
                throw new IllegalStateException("a flow feed starts once, before it is closed");
            }
            thread = new Thread(this::correlate, "flow-correlator");
            thread.setDaemon(true);
            started = true;
            thread.start();
        }
    }

    /** Hands over a packet (from any thread; never waits for the correlating thread). Ignored before start. */
    @Override
    public void accept(PacketEvent event) {
        Objects.requireNonNull(event, "event");
        if (!started || closing) {
            return;
        }
        synchronized (handOver) {
            if (pending.size() < PACKET_BACKLOG) {
                pending.add(event);
            }
        }
    }

    private List<PacketEvent> takePending() {
        synchronized (handOver) {
            List<PacketEvent> taken = pending;
            pending = new ArrayList<>(Math.max(16, taken.size()));
            return taken;
        }
    }

    private void correlate() {
        // The flows a batch changed, each offered once with its state after the batch (readers keep only the
        // newest state of a flow anyway): a snapshot per packet was most of the correlator's allocation.
        Map<Long, OpenFlow> changed = new LinkedHashMap<>();
        TimeOrder order = new TimeOrder(event -> {
            OpenFlow flow = correlator.update(event);
            if (flow != null) {
                changed.putIfAbsent(flow.id(), flow);
            }
        });
        long sequence = 0;
        try {
            while (true) {
                boolean last = closing; // read before draining: what was handed over before the close is taken
                List<PacketEvent> events = takePending();
                for (PacketEvent event : events) {
                    order.add(new SequencedPacket(sequence++, event));
                }
                order.release(Instant.now());
                if (last) {
                    order.releaseAll();
                }
                offer(changed);
                if (last) {
                    return;
                }
                // Packets are held a quarter second anyway: a pause lets the next turn take many at once.
                Thread.sleep(IDLE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offer(Map<Long, OpenFlow> changed) {
        if (!readers.isEmpty()) {
            for (OpenFlow flow : changed.values()) {
                MessageFlow snapshot = correlator.snapshot(flow);
                readers.forEach(r -> r.offer(snapshot));
            }
        }
        changed.clear();
    }

    /** Correlates what was recorded until now, then ends the thread; waits for it (at most 5 s). */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closing = true;
            running = thread;
        }
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public FlowReader reader(int backlog) {
        Reader reader = new Reader(backlog);
        readers.add(reader);
        return reader;
    }

    @Override
    public List<MessageFlow> snapshot() {
        return correlator.flows();
    }

    /** Unread flows by id, in the order they first became unread; a newer snapshot replaces one in place. */
    private final class Reader implements FlowReader {
        private final int backlog;
        // guarded by this
        private final LinkedHashMap<Long, MessageFlow> unread = new LinkedHashMap<>();
        private long lost;
        private boolean closed;

        private Reader(int backlog) {
            if (backlog < 1) {
                throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
            }
            this.backlog = backlog;
        }

        private synchronized void offer(MessageFlow flow) {
            if (closed) {
                return;
            }
            unread.put(flow.id(), flow);
            if (unread.size() > backlog) {
                Iterator<MessageFlow> oldest = unread.values().iterator();
                oldest.next();
                oldest.remove();
                lost++;
            }
        }

        @Override
        public synchronized List<MessageFlow> poll(int max) {
            List<MessageFlow> flows = new ArrayList<>(Math.min(max, unread.size()));
            Iterator<MessageFlow> oldest = unread.values().iterator();
            while (flows.size() < max && oldest.hasNext()) {
                flows.add(oldest.next());
                oldest.remove();
            }
            return flows;
        }

        @Override
        public synchronized long lostCount() {
            return lost;
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                unread.clear();
            }
            readers.remove(this);
        }
    }
}

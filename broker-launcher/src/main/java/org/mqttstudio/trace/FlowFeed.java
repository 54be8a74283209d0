package org.mqttstudio.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Feeds a {@link FlowCorrelator} from a {@link PacketSource} on one thread of its own and offers every flow it starts
 * or changes to its readers. The correlator sees packets in the order they happened ({@link TimeOrder}: a quarter
 * second after they did); packets its own reader lost (it fell a whole backlog behind) are missing from the flows
 * they belonged to.
 */
public final class FlowFeed implements FlowSource, AutoCloseable {
    /** Packets the correlating thread may fall behind by before it loses some. */
    static final int PACKET_BACKLOG = Recorder.DEFAULT_SUBSCRIBER_CAPACITY;
    private static final int BATCH = 4_096;
    private static final long IDLE_MS = 10;

    private final PacketSource packets;
    private final FlowCorrelator correlator;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean closing;

    public FlowFeed(PacketSource packets, FlowCorrelator correlator) {
        this.packets = Objects.requireNonNull(packets, "packets");
        this.correlator = Objects.requireNonNull(correlator, "correlator");
    }

    /** Starts correlating the packets recorded from now on; once. */
    public void start() {
        synchronized (lifecycle) {
            if (thread != null || closing) {
                throw new IllegalStateException("a flow feed starts once, before it is closed");
            }
            PacketReader reader = packets.reader(PACKET_BACKLOG);
            thread = new Thread(() -> correlate(reader), "flow-correlator");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void correlate(PacketReader reader) {
        // The flows a batch changed, each offered once with its state after the batch (readers keep only the
        // newest state of a flow anyway): a snapshot per packet was most of the correlator's allocation.
        Map<Long, OpenFlow> changed = new LinkedHashMap<>();
        TimeOrder order = new TimeOrder(event -> {
            OpenFlow flow = correlator.update(event);
            if (flow != null) {
                changed.putIfAbsent(flow.id(), flow);
            }
        });
        try (reader) {
            while (true) {
                boolean last = closing; // read before draining: what was recorded before the close is taken
                List<TraceEntry> entries = reader.poll(BATCH);
                for (TraceEntry entry : entries) {
                    if (entry instanceof SequencedPacket packet) {
                        order.add(packet);
                    }
                }
                order.release(Instant.now());
                if (last && entries.isEmpty()) {
                    order.releaseAll();
                }
                offer(changed);
                if (last && entries.isEmpty()) {
                    return;
                }
                if (entries.size() < BATCH) {
                    // Packets are held a quarter second anyway: a pause lets the next poll take many at once.
                    Thread.sleep(IDLE_MS);
                }
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

package org.mqttstudio.trace;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a tap's decoding on a thread of its own, in the order the event loop captured the bytes, so that the
 * forwarding event loop only copies bytes and moves on.
 *
 * <p>Under load the thread drains everything queued, then waits {@link #BATCH_WAIT_NANOS} for more instead of
 * being woken per read: one wake-up decodes many reads. Idle, it parks until work arrives. The queue is bounded in
 * bytes; a direction whose bytes do not fit is given up (see {@link MqttStreamDecoder#abandon}) rather than
 * blocking the network or growing without end.
 */
final class TapDecoder implements AutoCloseable {
    /** How long a busy decoder lets work pile up between drains; trace events are at most this much later. */
    static final long BATCH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private static final Runnable STOP = () -> { };

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long maxQueuedBytes;
    private final Thread thread;
    private volatile boolean idle;

    TapDecoder(String node, long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.thread = new Thread(this::run, "wiretap-decoder-" + node);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a chunk of bytes for decoding; false when it does not fit (the caller then gives the direction up).
     * Called on the event loop.
     */
    boolean offer(int bytes, Runnable decode) {
        if (queuedBytes.addAndGet(bytes) > maxQueuedBytes) {
            queuedBytes.addAndGet(-bytes);
            return false;
        }
        enqueue(() -> {
            queuedBytes.addAndGet(-bytes);
            decode.run();
        });
        return true;
    }

    /** Queues work that holds no captured bytes (end of stream, giving a direction up); never refused. */
    void submit(Runnable task) {
        enqueue(task);
    }

    private void enqueue(Runnable task) {
        tasks.add(task);
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (true) {
            boolean worked = false;
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                if (task == STOP) {
                    return;
                }
                runQuietly(task);
                worked = true;
            }
            if (worked) {
                LockSupport.parkNanos(this, BATCH_WAIT_NANOS);
                continue;
            }
            idle = true;
            if (tasks.isEmpty()) {
                LockSupport.park(this);
            }
            idle = false;
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // One chunk's failure must not end decoding for every connection of the tap.
        }
    }

    /** Decodes what is queued, then ends the thread; waits for that at most a second. */
    @Override
    public void close() {
        enqueue(STOP);
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

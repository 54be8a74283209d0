package org.mqttstudio.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts packets from several taps back into the order they happened. Each tap decodes on a thread of its own and
 * appends when it gets to it, so a bridge's PUBLISH at the next broker can be recorded before the publisher's
 * PUBLISH it forwards; a correlator fed in recording order would then start two flows for one message. Packets are
 * held {@link #HOLD} after they happened and handed on by their time (their recording order between equal times).
 * Used by one thread.
 *
 * <p>Most packets come in time order (one tap, or taps that keep up): those queue at the end of a run kept in
 * order, at no cost per packet; only a packet older than the last one queued goes into a heap, and release merges
 * the two. A heap for all of them cost the run's correlating thread half of its time under load (issue 12 §2).
 */
final class TimeOrder {
    /** Longer than a tap's decoder takes to catch up on a loaded machine, short enough for a live view. */
    static final Duration HOLD = Duration.ofMillis(250);

    private record Held(long sequence, PacketEvent event) implements Comparable<Held> {
        @Override
        public int compareTo(Held other) {
            int byTime = event.time().compareTo(other.event.time());
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final ArrayDeque<Held> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Held> late = new PriorityQueue<>();
    private final Consumer<PacketEvent> next;

    TimeOrder(Consumer<PacketEvent> next) {
        this.next = next;
    }

    void add(SequencedPacket packet) {
        Held held = new Held(packet.sequence(), packet.event());
        Held last = inOrder.peekLast();
        if (last == null || held.compareTo(last) >= 0) {
            inOrder.addLast(held);
        } else {
            late.add(held);
        }
    }

    /** Hands on, in time order, every packet that happened at least {@link #HOLD} before {@code now}. */
    void release(Instant now) {
        Instant before = now.minus(HOLD);
        for (Held first = first(); first != null && first.event().time().isBefore(before); first = first()) {
            next.accept(take(first).event());
        }
    }

    /** Hands on everything held, in time order (the feed is closing). */
    void releaseAll() {
        for (Held first = first(); first != null; first = first()) {
            next.accept(take(first).event());
        }
    }

    int size() {
        return inOrder.size() + late.size();
    }

    /** The earliest packet held, or null. */
    private Held first() {
        Held ordered = inOrder.peekFirst();
        Held straggler = late.peek();
        if (ordered == null) {
            return straggler;
        }
        return straggler == null || ordered.compareTo(straggler) <= 0 ? ordered : straggler;
    }

    private Held take(Held first) {
        return first == inOrder.peekFirst() ? inOrder.pollFirst() : late.poll();
    }
}

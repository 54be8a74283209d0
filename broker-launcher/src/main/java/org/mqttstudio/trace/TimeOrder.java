package org.mqttstudio.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts packets from several taps back into the order they happened. Each tap decodes on a thread of its own and
 * appends when it gets to it, so a bridge's PUBLISH at the next broker can be recorded before the publisher's
 * PUBLISH it forwards; a correlator fed in recording order would then start two flows for one message. Packets are
 * held {@link #HOLD} after they happened and handed on by their time (their recording order between equal times).
 * Used by one thread.
 */
final class TimeOrder {
    /** Longer than a tap's decoder takes to catch up on a loaded machine, short enough for a live view. */
    static final Duration HOLD = Duration.ofMillis(250);

    private record Held(long sequence, PacketEvent event) {
    }

    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparing((Held h) -> h.event().time()).thenComparingLong(Held::sequence));
    private final Consumer<PacketEvent> next;

    TimeOrder(Consumer<PacketEvent> next) {
        this.next = next;
    }

    void add(SequencedPacket packet) {
        held.add(new Held(packet.sequence(), packet.event()));
    }

    /** Hands on, in time order, every packet that happened at least {@link #HOLD} before {@code now}. */
    void release(Instant now) {
        Instant before = now.minus(HOLD);
        while (!held.isEmpty() && held.peek().event().time().isBefore(before)) {
            next.accept(held.poll().event());
        }
    }

    /** Hands on everything held, in time order (the feed is closing). */
    void releaseAll() {
        while (!held.isEmpty()) {
            next.accept(held.poll().event());
        }
    }

    int size() {
        return held.size();
    }
}

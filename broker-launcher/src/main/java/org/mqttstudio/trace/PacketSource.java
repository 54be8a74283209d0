package org.mqttstudio.trace;

import java.util.List;

/**
 * The packets of a run, read-only: readers and a snapshot, never the writable store. Handed out by the runner so a
 * view cannot append to or clear what other readers see.
 */
public interface PacketSource {
    /** A reader of the packets recorded from now on; at most {@code backlog} unread ones are kept for it. */
    PacketReader reader(int backlog);

    /** The packets kept now, oldest first, with their sequence numbers. */
    List<SequencedPacket> snapshot();

    /** How many packets were ever recorded: the sequence number the next one gets. */
    long recordedCount();
}

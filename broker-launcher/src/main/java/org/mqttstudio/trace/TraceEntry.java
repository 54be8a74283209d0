package org.mqttstudio.trace;

/** What a {@link PacketReader} hands out, in sequence order: a packet, or a gap where the reader lost packets. */
public sealed interface TraceEntry permits SequencedPacket, PacketGap {
    /** The sequence number of the packet, or of the first packet lost in the gap. */
    long sequence();
}

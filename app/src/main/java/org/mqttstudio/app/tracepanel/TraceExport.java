package org.mqttstudio.app.tracepanel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mqttstudio.trace.JsonlWriter;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PcapWriter;

/** Writes trace rows as JSON Lines or pcap, the formats of {@code studio run --trace/--pcap}; gap rows have no packet. */
public enum TraceExport {
    JSONL("JSON Lines", "jsonl"),
    PCAP("pcap (Wireshark)", "pcap");

    private final String label;
    private final String extension;

    TraceExport(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    /** Writes the packets of {@code rows}, in order; returns how many. */
    public int write(Path file, List<TraceRow> rows) throws IOException {
        List<PacketEvent> events = rows.stream().filter(r -> !r.isGap()).map(TraceRow::event).toList();
        if (this == JSONL) {
            JsonlWriter.write(file, events);
        } else {
            PcapWriter.write(file, events);
        }
        return events.size();
    }
}

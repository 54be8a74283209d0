package org.mqttstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Severity;
import org.mqttstudio.runtime.EventFeed;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.RunSummary;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.JsonlWriter;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketReader;
import org.mqttstudio.trace.PcapWriter;
import org.mqttstudio.trace.Recorder;
import org.mqttstudio.trace.SequencedPacket;
import org.mqttstudio.trace.TraceEntry;
import org.mqttstudio.trace.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {"Run a topology: brokers, bridges and simulated clients, every packet traced.",
    "Prints node status, one line per packet, and on exit (--duration over, or Ctrl-C) a summary per subscriber:",
    "PUBLISH packets received per topic, duplicates and what was not delivered, judged against the route table."})
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final long POLL_MS = 100;
    private static final int BATCH = 10_000;

    @Parameters(paramLabel = "FILE", description = "Topology file (.json).")
    Path file;

    @Option(names = "--runtime", paramLabel = "embedded|mosquitto", defaultValue = "embedded",
            description = "embedded HiveMQ CE brokers (default) or real mosquitto processes.")
    String runtime;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Add N to every listener port (where clients and bridges connect).")
    int portOffset;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this many seconds (default: run until Ctrl-C).")
    Double duration;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "Write every packet as JSON Lines.")
    Path trace;

    @Option(names = "--pcap", paramLabel = "OUT.pcap", description = "Write every packet as pcap (Wireshark).")
    Path pcap;

    @Option(names = "--quiet", description = "Do not print a line per packet.")
    boolean quiet;

    @Option(names = "--json", description = {"Print only the summary on standard output, as JSON (node status "
            + "goes to standard error, packet lines are not printed)."})
    boolean json;

    @Spec
    CommandSpec spec;

    /** Set by the shutdown hook on Ctrl-C. */
    private volatile boolean interrupted;

    @Override
    public Integer call() throws Exception {
        Topology topology = Inputs.topology(file);
        RunOptions options = RunOptions.defaults().withRuntime(runtime()).withPortOffset(portOffset);
        if (duration != null && duration <= 0) {
            throw new UserError("--duration must be more than 0 seconds, not " + duration, null);
        }
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        long errors = new Checker().check(topology).stream().filter(f -> f.severity() == Severity.ERROR).count();
        if (errors > 0) {
            spec.commandLine().getErr().printf(
                    "studio: warning: the topology has %d error(s) (see 'studio validate %s')%n", errors, file);
        }
        TopologyRunner runner;
        try {
            runner = TopologyRunner.create(topology, options);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new UserError(e.getMessage(), e);
        }
        try (Outputs outputs = new Outputs(trace, pcap);
             EventFeed.Subscription<NodeStatus> statuses = runner.statusFeed().subscribe(BATCH);
             PacketReader packets = runner.packets().reader(Recorder.DEFAULT_SUBSCRIBER_CAPACITY)) {
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                // Ctrl-C: let the loop below stop everything and print the summary, then exit
                interrupted = true;
                awaitQuietly(done);
            }, "studio-run-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runner.start();
                long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + (long) (duration * 1e9);
                while (!interrupted && System.nanoTime() < end) {
                    drain(runner, statuses, packets, outputs, out);
                    Thread.sleep(POLL_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                runner.stop();
                drain(runner, statuses, packets, outputs, out);
                RunSummary summary = runner.summary();
                if (json) {
                    spec.commandLine().getOut().println(summaryJson(topology, summary));
                    spec.commandLine().getOut().flush();
                } else {
                    out.println("summary:");
                    summary.lines(topology).forEach(line -> out.println("  " + line));
                }
                outputs.written().forEach(line -> out.println(line));
                if (packets.lostCount() > 0) {
                    out.printf("%d packets were recorded but not printed or written: this command fell behind the "
                            + "trace (--quiet prints less)%n", packets.lostCount());
                }
                out.flush();
                done.countDown();
                removeHook(hook);
            }
        }
        return 0;
    }

    private RunOptions.Runtime runtime() {
        try {
            return RunOptions.Runtime.valueOf(runtime.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--runtime must be embedded or mosquitto, not '" + runtime + "'", e);
        }
    }

    private void drain(TopologyRunner runner, EventFeed.Subscription<NodeStatus> statuses,
            PacketReader packets, Outputs outputs, PrintWriter out) {
        Topology topology = runner.topology();
        for (NodeStatus s : statuses.poll(BATCH)) {
            out.printf("%s %-22s %-8s %s%n", TIME.format(s.time()), topology.nameOf(s.elementId()), s.state(),
                    s.message());
        }
        List<TraceEntry> entries;
        while (!(entries = packets.poll(BATCH)).isEmpty()) {
            for (TraceEntry entry : entries) {
                if (entry instanceof SequencedPacket packet) { // a gap is counted by the reader, told at the end
                    outputs.write(packet.event());
                    if (!quiet && !json) {
                        out.println(line(topology, packet.event()));
                    }
                }
            }
        }
        out.flush();
    }

    /**
     * The summary's records as JSON, each publisher and subscriber with its name, each subscriber with its total
     * of PUBLISH packets received, each undelivered entry with what is missing.
     */
    private String summaryJson(Topology topology, RunSummary summary) throws JsonProcessingException {
        ObjectMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.valueToTree(summary);
        root.put("runtime", runtime().name().toLowerCase(Locale.ROOT));
        named(topology, root.withArray("publishers"), "publisherId");
        named(topology, root.withArray("subscribers"), "subscriberId");
        for (int i = 0; i < summary.subscribers().size(); i++) {
            ((ObjectNode) root.withArray("subscribers").get(i)).put("received", summary.subscribers().get(i).received());
        }
        root.withArray("undelivered").forEach(u -> ((ObjectNode) u).put("missing",
                u.get("expected").asLong() - u.get("received").asLong()));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void named(Topology topology, ArrayNode elements, String idField) {
        elements.forEach(e -> ((ObjectNode) e).put("name", topology.nameOf(e.get(idField).asText())));
    }

    /** time, node, direction, client, type, packet id, QoS, topic; "[websocket]" for a WebSocket connection's. */
    private static String line(Topology topology, PacketEvent e) {
        String arrow = e.direction() == PacketDirection.CLIENT_TO_BROKER ? "<-" : "->";
        return String.format("%s %-14s %s %-24s %-11s %5s q%d %s%s", TIME.format(e.time()), topology.nameOf(e.node()),
                arrow, e.clientId() == null ? "?" : e.clientId(), e.type(),
                e.packetId() == null ? "" : "#" + e.packetId(), e.qos(), e.topic() == null ? "" : e.topic(),
                e.transport() == Transport.WEBSOCKET ? " [websocket]" : "");
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running
        }
    }

    /** The --trace and --pcap files, written as packets arrive. */
    private static final class Outputs implements AutoCloseable {
        private final Path tracePath;
        private final Path pcapPath;
        private final JsonlWriter jsonl;
        private final PcapWriter pcap;
        private long count;

        Outputs(Path tracePath, Path pcapPath) {
            this.tracePath = tracePath;
            this.pcapPath = pcapPath;
            try {
                this.jsonl = tracePath == null ? null : new JsonlWriter(open(tracePath));
                this.pcap = pcapPath == null ? null : new PcapWriter(open(pcapPath));
            } catch (IOException e) {
                throw new UserError("cannot write " + (tracePath != null ? tracePath : pcapPath) + ": "
                        + e.getMessage(), e);
            }
        }

        private static OutputStream open(Path path) {
            try {
                return Files.newOutputStream(path);
            } catch (IOException e) {
                throw new UserError("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        void write(PacketEvent event) {
            try {
                if (jsonl != null) {
                    jsonl.write(event);
                }
                if (pcap != null) {
                    pcap.write(event);
                }
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> written() {
            return Stream.of(tracePath, pcapPath).filter(Objects::nonNull)
                    .map(p -> "wrote " + count + " packets to " + p + (p == pcapPath ? decodeAs() : "")).toList();
        }

        /** Wireshark takes only port 1883 for MQTT by itself: how to open the file with the others. */
        private String decodeAs() {
            List<String> options = pcap.decodeAsOptions();
            if (options.isEmpty()) {
                return "";
            }
            String websocket = options.stream().anyMatch(o -> o.endsWith(",http"))
                    ? "; Wireshark 4.0 decodes the MQTT inside WebSocket frames with -X lua_script:FILE, FILE holding "
                    + PcapWriter.WEBSOCKET_MQTT_LUA : "";
            return " (Wireshark decodes port 1883 as MQTT by itself; for the others: wireshark "
                    + String.join(" ", options) + " " + pcapPath + websocket + ")";
        }

        @Override
        public void close() throws IOException {
            if (jsonl != null) {
                jsonl.close();
            }
            if (pcap != null) {
                pcap.close();
            }
        }
    }
}

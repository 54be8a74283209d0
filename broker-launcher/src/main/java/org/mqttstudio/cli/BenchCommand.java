package org.mqttstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mqttstudio.bench.Bench;
import org.mqttstudio.bench.BenchOptions;
import org.mqttstudio.bench.BenchReport;
import org.mqttstudio.bench.Pinning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = {
    "A fair race of the embedded broker and mosquitto, each at its defaults but the",
    "queue per client (equal on both): msg/s, latency (p50, p99), lost and",
    "duplicate messages at QoS 0, 1 and 2, 1 -> 1, 10 -> 1 and 1 -> 10 (and a sweep",
    "of windows 1 and 100), on both brokers bare and as studio run runs them",
    "(behind the run's taps), alternating; then the challenge topology on both",
    "runtimes, and start-up time and memory for --scale brokers. Prints Markdown",
    "tables with the ratios. Brokers run on cpu 0 and the load on the other cpus",
    "when taskset and 2 cpus are there."})
final class BenchCommand implements Callable<Integer> {
    private static final int QUICK_MESSAGES = 1_000;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "100000",
            description = "Messages per scenario and broker (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300000",
            description = "Warm-up messages per broker, over all scenarios, before measuring "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--payload", paramLabel = "BYTES", defaultValue = "32",
            description = "Payload size, at least 16 (default: ${DEFAULT-VALUE}).")
    int payload;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Rounds over all scenarios and brokers; the median round is reported "
                    + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--scale", paramLabel = "N,N", split = ",", defaultValue = "1,5,20,50",
            description = "Broker counts for the start-up and memory scale (default: ${DEFAULT-VALUE}).")
    List<Integer> scale;

    @Option(names = "--quick", description = "A smoke run (under 2 minutes): " + QUICK_MESSAGES
            + " messages, one round, no warm-up, no pinning, the scale at 1 broker only.")
    boolean quick;

    @Option(names = "--no-pin", description = "Do not pin brokers and load to cpus.")
    boolean noPin;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to FILE.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchOptions options;
        try {
            options = new BenchOptions(quick ? QUICK_MESSAGES : messages, quick ? 0 : warmup, payload,
                    quick ? 1 : rounds, quick || noPin ? Pinning.none() : Pinning.detect(),
                    quick ? List.of(1) : scale);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report;
        try {
            report = new Bench(options, line -> {
                err.println("bench: " + line);
                err.flush();
            }).run();
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        String table = report.markdown();
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        return 0;
    }
}

package org.mqttstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    "Measure msg/s and latency (p50, p99) at QoS 0, 1 and 2, 1 -> 1 and 10 -> 1, on the embedded broker bare,",
    "behind the wire tap, and on real mosquitto, alternating; prints a Markdown table with the ratios.",
    "Brokers run on cpu 0 and the load on the other cpus when taskset and 2 cpus are there."})
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

    @Option(names = "--quick", description = "A smoke run: " + QUICK_MESSAGES
            + " messages, one round, no warm-up, no pinning.")
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
                    BenchOptions.DEFAULT_WINDOW, quick ? 1 : rounds,
                    quick || noPin ? Pinning.none() : Pinning.detect());
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

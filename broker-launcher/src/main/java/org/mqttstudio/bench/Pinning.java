package org.mqttstudio.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Which cores the broker and the load generator get. With {@code taskset} and two or more cores, every broker
 * process runs on core 0 and this JVM (the load generator: all its threads, and the threads they start) on the
 * others; otherwise nothing is pinned.
 *
 * @param brokerCpus {@code taskset} cpu list for broker processes; null when not pinned
 * @param loadCpus   cpu list for this JVM; null when not pinned
 */
public record Pinning(String brokerCpus, String loadCpus) {
    static final Path TASKSET = Path.of("/usr/bin/taskset");

    public static Pinning none() {
        return new Pinning(null, null);
    }

    /** Core 0 for brokers and the rest for the load, when {@code taskset} and two cores are there. */
    public static Pinning detect() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || !Files.isExecutable(TASKSET)) {
            return none();
        }
        return new Pinning("0", cores == 2 ? "1" : "1-" + (cores - 1));
    }

    public boolean enabled() {
        return brokerCpus != null;
    }

    /** The command that runs {@code command} on the broker's cores. */
    List<String> brokerCommand(List<String> command) {
        if (!enabled()) {
            return command;
        }
        return Stream.concat(Stream.of(TASKSET.toString(), "-c", brokerCpus), command.stream()).toList();
    }

    /** Moves every thread of this JVM to the load's cores (threads started later inherit it). */
    void pinThisProcess() throws IOException, InterruptedException {
        if (!enabled()) {
            return;
        }
        Process taskset = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", loadCpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!taskset.waitFor(10, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
            throw new IOException("taskset could not pin the load generator to cpus " + loadCpus);
        }
    }

    public String description() {
        return enabled() ? "brokers pinned to cpu " + brokerCpus + " (taskset -c), load generator JVM to cpu "
                + loadCpus + " (taskset -a -p)" : "not pinned (needs taskset and 2 cores)";
    }
}

package org.mqttstudio.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.mqttstudio.trace.Recorder;

/**
 * How {@link TopologyRunner} runs a topology.
 *
 * @param runtime embedded HiveMQ CE brokers or real mosquitto processes
 * @param portOffset added to every designed listener port (the ports clients and bridges use)
 * @param runDir the folder for the brokers' files; null for a new temporary folder, deleted at stop
 * @param hostname the host name in mosquitto's default bridge client ids; null for this machine's
 * @param recorderCapacity how many packet events the trace keeps
 * @param seed seeds the publishers' random placeholders, so that a run can be repeated
 */
public record RunOptions(Runtime runtime, int portOffset, Path runDir, String hostname, int recorderCapacity,
        long seed) {

    /** Which brokers run the topology. */
    public enum Runtime { EMBEDDED, MOSQUITTO }

    public RunOptions {
        runtime = runtime == null ? Runtime.EMBEDDED : runtime;
        hostname = hostname == null || hostname.isBlank() ? machineHostname() : hostname;
        if (recorderCapacity < 1) {
            throw new IllegalArgumentException("recorder capacity must be at least 1: " + recorderCapacity);
        }
    }

    /** Embedded brokers on the designed ports, a temporary folder, a random seed. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.EMBEDDED, 0, null, null, Recorder.DEFAULT_CAPACITY, System.nanoTime());
    }

    public RunOptions withRuntime(Runtime newRuntime) {
        return new RunOptions(newRuntime, portOffset, runDir, hostname, recorderCapacity, seed);
    }

    public RunOptions withPortOffset(int newPortOffset) {
        return new RunOptions(runtime, newPortOffset, runDir, hostname, recorderCapacity, seed);
    }

    public RunOptions withRunDir(Path newRunDir) {
        return new RunOptions(runtime, portOffset, newRunDir, hostname, recorderCapacity, seed);
    }

    public RunOptions withHostname(String newHostname) {
        return new RunOptions(runtime, portOffset, runDir, newHostname, recorderCapacity, seed);
    }

    public RunOptions withRecorderCapacity(int newRecorderCapacity) {
        return new RunOptions(runtime, portOffset, runDir, hostname, newRecorderCapacity, seed);
    }

    public RunOptions withSeed(long newSeed) {
        return new RunOptions(runtime, portOffset, runDir, hostname, recorderCapacity, newSeed);
    }

    /** The name mosquitto puts into its default bridge client ids ({@code gethostname}). */
    private static String machineHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package org.mqttstudio.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.topology.Topology;

/**
 * What the bench measures, in a process of its own on the broker's cores: a topology (one broker, or the
 * challenge) in a child JVM ({@link BenchBrokerMain}), or {@code mosquitto -c} for bare mosquitto. Closing it ends
 * the process and deletes its folder.
 */
final class BrokerUnderTest implements AutoCloseable {
    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final String label;
    private final Process process;
    private final Path folder;
    private final Map<String, Integer> ports;
    private final long upMillis;
    private final long heapBytes;

    private BrokerUnderTest(String label, Process process, Path folder, Map<String, Integer> ports, long upMillis,
                            long heapBytes) {
        this.label = label;
        this.process = process;
        this.folder = folder;
        this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        this.upMillis = upMillis;
        this.heapBytes = heapBytes;
    }

    /** One of the bench's brokers, with a queue per client of {@code queuePerClient}. */
    static BrokerUnderTest start(BenchTarget target, int queuePerClient, Pinning pinning)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("studio-bench-");
        try {
            return target == BenchTarget.MOSQUITTO ? startMosquitto(folder, queuePerClient, pinning)
                    : startJvm(target.label(), target.mode(), BenchTopologies.single(queuePerClient), folder,
                            pinning);
        } catch (IOException | InterruptedException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** {@code topology} as {@code studio run} runs it on {@code runtime} ("run-embedded" or "run-mosquitto"). */
    static BrokerUnderTest startRun(String label, String mode, Topology topology, Pinning pinning)
            throws IOException {
        Path folder = Files.createTempDirectory("studio-bench-");
        try {
            return startJvm(label, mode, topology, folder, pinning);
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    String label() {
        return label;
    }

    /** The port of the only (or first) broker. */
    int port() {
        return ports.values().iterator().next();
    }

    /** The node port of broker {@code brokerId}. */
    int port(String brokerId) {
        Integer port = ports.get(brokerId);
        if (port == null) {
            throw new IllegalArgumentException("no broker '" + brokerId + "' in " + label);
        }
        return port;
    }

    /** From starting the JVM's brokers to every broker listening and every bridge connected. */
    long upMillis() {
        return upMillis;
    }

    /** Java heap in use after a collection once up; 0 for mosquitto. */
    long heapBytes() {
        return heapBytes;
    }

    /** Resident memory of the process and its children (VmRSS), now. */
    long residentBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .mapToLong(p -> residentBytes(p.pid())).sum();
    }

    /** Resident memory of the children only (mosquitto under the Studio's runtime). */
    long childResidentBytes() {
        return process.toHandle().descendants().mapToLong(p -> residentBytes(p.pid())).sum();
    }

    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The cpu time the process and its children (mosquitto under the Studio's runtime) used so far. */
    Duration cpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    private static BrokerUnderTest startJvm(String label, String mode, Topology topology, Path folder,
                                            Pinning pinning) throws IOException {
        Path file = BenchTopologies.write(topology, folder.resolve("topology.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                BenchBrokerMain.class.getName(), mode, folder.resolve("run").toString(), file.toString());
        Path errors = folder.resolve("broker.err");
        Process process = new ProcessBuilder(pinning.brokerCommand(command))
                .redirectError(errors.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Map<String, Integer> ports = new LinkedHashMap<>();
        long up = -1;
        long heap = 0;
        for (String line = out.readLine(); line != null && !line.equals(BenchBrokerMain.READY_LINE);
             line = out.readLine()) {
            if (line.startsWith(BenchBrokerMain.PORT_LINE)) {
                String[] words = line.split(" ");
                ports.put(words[1], Integer.parseInt(words[2]));
            } else if (line.startsWith(BenchBrokerMain.UP_LINE)) {
                up = Long.parseLong(line.substring(BenchBrokerMain.UP_LINE.length()).strip());
            } else if (line.startsWith(BenchBrokerMain.HEAP_LINE)) {
                heap = Long.parseLong(line.substring(BenchBrokerMain.HEAP_LINE.length()).strip());
            }
        }
        if (ports.isEmpty() || up < 0) {
            process.destroyForcibly();
            throw new IOException(label + " did not start: "
                    + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
        return new BrokerUnderTest(label, process, folder, ports, up, heap);
    }

    /** mosquitto at its defaults (a {@code listener} line switches its default listener off) but the queue. */
    private static BrokerUnderTest startMosquitto(Path folder, int queuePerClient, Pinning pinning)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IOException(MOSQUITTO + " is not installed (apt-get install mosquitto)");
        }
        int port = FreePorts.one();
        List<String> conf = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "log_dest none",
                "max_queued_messages " + queuePerClient));
        if ("root".equals(System.getProperty("user.name"))) {
            conf.add("user root"); // else it drops to user mosquitto, who may not read our temp folder
        }
        Path file = Files.write(folder.resolve("mosquitto.conf"), conf, StandardCharsets.UTF_8);
        Path output = folder.resolve("mosquitto.out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(pinning.brokerCommand(List.of(MOSQUITTO.toString(), "-c",
                file.toString()))).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        awaitListening(process, port, output);
        return new BrokerUnderTest(BenchTarget.MOSQUITTO.label(), process, folder, Map.of("mosquitto", port),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0);
    }

    static void awaitListening(Process process, int port, Path output) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not start: "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling the port: there is nothing to wait on instead
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Ends the process (the JVM when its input closes, mosquitto by SIGTERM) and deletes the folder. */
    @Override
    public void close() throws IOException {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(label.equals(BenchTarget.MOSQUITTO.label()) ? 0 : 10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            delete(folder);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}

package org.mqttstudio.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One broker the bench measures, in a process of its own on the broker's cores: the embedded broker (bare or
 * behind a tap) in a child JVM, or {@code mosquitto -c}. Closing it ends the process and deletes its folder.
 */
final class BrokerUnderTest implements AutoCloseable {
    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final BenchTarget target;
    private final Process process;
    private final Path folder;
    private final int port;

    private BrokerUnderTest(BenchTarget target, Process process, Path folder, int port) {
        this.target = target;
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    static BrokerUnderTest start(BenchTarget target, Pinning pinning) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("studio-bench-");
        try {
            return target == BenchTarget.MOSQUITTO ? startMosquitto(folder, pinning)
                    : startEmbedded(target, folder, pinning);
        } catch (IOException | InterruptedException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    BenchTarget target() {
        return target;
    }

    int port() {
        return port;
    }

    /** The cpu time the broker's process used so far (user and system, all its threads). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static BrokerUnderTest startEmbedded(BenchTarget target, Path folder, Pinning pinning)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                BenchBrokerMain.class.getName(), target == BenchTarget.EMBEDDED ? "bare" : "tapped",
                folder.resolve("run").toString());
        Path errors = folder.resolve("broker.err");
        Process process = new ProcessBuilder(pinning.brokerCommand(command))
                .redirectError(errors.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(BenchBrokerMain.PORT_LINE)) {
            process.destroyForcibly();
            throw new IOException("the " + target.label() + " broker did not start: "
                    + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
        return new BrokerUnderTest(target, process, folder,
                Integer.parseInt(line.substring(BenchBrokerMain.PORT_LINE.length()).strip()));
    }

    private static BrokerUnderTest startMosquitto(Path folder, Pinning pinning)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IOException(MOSQUITTO + " is not installed (apt-get install mosquitto)");
        }
        int port = freePort();
        List<String> conf = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest none",
                // Beyond 20 in flight a 3.1.1 publisher's QoS 2 messages are dropped (NOTES): no limit. The queue
                // per client keeps its default (1000), as HiveMQ's does; the load's window stays below it. Unbounded,
                // mosquitto's open QoS 2 exchanges to a 10 -> 1 subscriber can wrap its packet ids (docs/bench.md).
                "max_inflight_messages 0"));
        if ("root".equals(System.getProperty("user.name"))) {
            conf.add("user root"); // else it drops to user mosquitto, who may not read our temp folder
        }
        Path file = Files.write(folder.resolve("mosquitto.conf"), conf, StandardCharsets.UTF_8);
        Path output = folder.resolve("mosquitto.out");
        Process process = new ProcessBuilder(pinning.brokerCommand(List.of(MOSQUITTO.toString(), "-c",
                file.toString()))).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not start: "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling the port: there is nothing to wait on instead
        }
        return new BrokerUnderTest(BenchTarget.MOSQUITTO, process, folder, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Ends the process (the embedded broker when its input closes, mosquitto by SIGTERM) and deletes the folder. */
    @Override
    public void close() throws IOException {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(target == BenchTarget.MOSQUITTO ? 0 : 5, TimeUnit.SECONDS)) {
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

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}

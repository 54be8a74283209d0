package org.mqttstudio.mosquitto;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real mosquitto processes for one test, on 127.0.0.1. Register it as a field,
 * {@code @RegisterExtension final MosquittoProcesses mosquitto = new MosquittoProcesses();}, write
 * files into {@link #folder()}, and {@link #start} them; after each test every process is stopped
 * and the folder deleted, and when the test failed every process's output is printed. Also usable
 * with try-with-resources.
 *
 * <p>Run as root, mosquitto drops to user {@code mosquitto} unless its file says {@code user}, and
 * must then still read its password file and write its persistence and log files. The folder is
 * therefore opened to everyone before each start, which works as root and as any other user
 * without changing the files under test.
 */
public final class MosquittoProcesses implements AfterEachCallback, AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");
    public static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final List<MosquittoProcess> processes = new ArrayList<>();
    private Path folder;

    /**
     * Fails the calling test, naming the install command, when mosquitto is missing: a test that needs the
     * real broker fails rather than skips, so a machine without it cannot pass the suite.
     */
    public static void requireInstalled() {
        if (!Files.isExecutable(EXECUTABLE) || !Files.isExecutable(PASSWD)) {
            throw new AssertionError(EXECUTABLE + " or " + PASSWD + " is missing: install the Debian package "
                    + "'mosquitto' (apt-get install -y mosquitto); these tests need a real mosquitto 2");
        }
    }

    /** A fresh folder for this test's mosquitto files, created on first use, deleted after the test. */
    public Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("mosquitto-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder", e);
            }
        }
        return folder;
    }

    /**
     * Starts {@code mosquitto -c conf} with the conf's folder as working folder and waits until it
     * accepts TCP connections on {@code port}. The conf must lie in {@link #folder()}. Fails with
     * mosquitto's output if it exits or does not listen within 10 s.
     */
    public MosquittoProcess start(String name, Path conf, int port) {
        if (!conf.toAbsolutePath().startsWith(folder())) {
            throw new IllegalArgumentException(conf + " is not in " + folder() + ": write mosquitto's files there");
        }
        requireInstalled();
        Path dir = conf.toAbsolutePath().getParent();
        Path output = folder().resolve(name + ".out");
        openToEveryone(folder());
        Process process;
        try {
            process = new ProcessBuilder(EXECUTABLE.toString(), "-c", conf.toAbsolutePath().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + EXECUTABLE, e);
        }
        MosquittoProcess mosquitto = new MosquittoProcess(name, port, process, output);
        processes.add(mosquitto);
        try {
            await("mosquitto '" + name + "' listening on 127.0.0.1:" + port)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!mosquitto.isAlive()) {
                            throw new AssertionError("mosquitto '" + name + "' stopped while starting\n"
                                    + mosquitto.report());
                        }
                        return accepts(port);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + mosquitto.report(), e);
        }
        return mosquitto;
    }

    public List<MosquittoProcess> processes() {
        return List.copyOf(processes);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void openToEveryone(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + root + " to the mosquitto user", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            processes.forEach(p -> System.err.print(p.report()));
        }
        close();
    }

    /** Stops every process (waiting for each to end) and deletes the folder. */
    @Override
    public void close() throws InterruptedException, IOException {
        try {
            for (MosquittoProcess p : processes) {
                p.stop();
            }
        } finally {
            processes.clear();
            deleteFolder();
        }
    }

    private void deleteFolder() throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        folder = null;
    }
}

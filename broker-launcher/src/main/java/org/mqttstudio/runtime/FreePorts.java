package org.mqttstudio.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Free TCP ports on 127.0.0.1 that stay free until whoever asked for them binds them: the one place the
 * runtime and every test (of both modules) choose ports.
 *
 * <p>Probing a port and binding it later races three ways, and each is closed here:
 * <ul>
 * <li><b>Outgoing connections</b> (a bridge, a test client) get their local port from Linux's ephemeral
 * range, 32768–60999: ports are chosen in {@value #LOWEST}–{@value #HIGHEST}, below it, so no connect
 * takes them meanwhile.</li>
 * <li><b>Listeners</b>: each port is bound on 127.0.0.1 without SO_REUSEADDR (which also fails when the
 * port is bound on all interfaces, or lingers in TIME_WAIT); a port that fails is skipped and another
 * random one tried.</li>
 * <li><b>Other JVMs choosing at the same time</b> (parallel builds, forked test JVMs, two studios): each
 * chosen port is leased with an exclusive lock on {@code <tmpdir>/mqtt-studio-ports/<port>.lock} for
 * {@link #LEASE} — long enough to write files, start a broker and bind (and for a test to restart a broker
 * on the same port), short enough that a long-running process holds few open files. A port locked by
 * anyone, this JVM included, is not chosen. The operating system drops a dead process's locks, so a
 * killed run leaves no lease behind. The (empty) lock files are never deleted: deleting a lock file while
 * another process opens it would let two processes hold "the" lock on different files.</li>
 * </ul>
 * A program outside the studio that binds a fixed port of this range within the lease can still take it;
 * no choice of port prevents that, and the broker then reports the port in use.
 */
public final class FreePorts {
    /** Lowest port chosen. */
    public static final int LOWEST = 20000;
    /** Highest port chosen: just below Linux's ephemeral range (net.ipv4.ip_local_port_range 32768 60999). */
    public static final int HIGHEST = 32767;
    /** How long a chosen port stays leased to this JVM. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ATTEMPTS = 500;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "mqtt-studio-ports");

    private FreePorts() {
    }

    /** One free port on 127.0.0.1, leased to this JVM for {@link #LEASE}. */
    public static int one() {
        return consecutive(1);
    }

    /**
     * A base port B such that B .. B+count-1 are all free on 127.0.0.1, each leased to this JVM for
     * {@link #LEASE}. Fails after many tries rather than returning a port that is taken.
     */
    public static int consecutive(int count) {
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("count must be 1..100, not " + count);
        }
        return offsetFor(IntStream.range(0, count).boxed().toList());
    }

    /**
     * An offset that moves every one of {@code ports} (say a topology's listener ports, for
     * {@code --port-offset}) onto a free port of this range, each leased to this JVM for {@link #LEASE}.
     * Fails after many tries rather than returning a port that is taken.
     */
    public static int offsetFor(Collection<Integer> ports) {
        int lowest = ports.stream().min(Integer::compare).orElseThrow(
                () -> new IllegalArgumentException("no ports to place"));
        int highest = ports.stream().max(Integer::compare).orElseThrow();
        if (highest - lowest > HIGHEST - LOWEST) {
            throw new IllegalArgumentException("ports " + lowest + ".." + highest + " do not fit in "
                    + LOWEST + ".." + HIGHEST);
        }
        List<Integer> distinct = ports.stream().distinct().sorted().toList();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = random.nextInt(LOWEST - lowest, HIGHEST - highest + 1);
            List<FileChannel> leases = leaseAll(distinct, offset);
            if (leases != null) {
                CompletableFuture.delayedExecutor(LEASE.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> leases.forEach(FreePorts::closeQuietly));
                return offset;
            }
        }
        throw new IllegalStateException("found no free place for ports " + distinct + " on 127.0.0.1 in "
                + LOWEST + ".." + HIGHEST + " after " + ATTEMPTS + " tries");
    }

    /** The leases of every port + offset, or null (nothing kept) when one of them is taken. */
    static List<FileChannel> leaseAll(List<Integer> ports, int offset) {
        List<FileChannel> leases = new ArrayList<>(ports.size());
        for (int port : ports) {
            FileChannel lease = lease(port + offset);
            if (lease != null) {
                leases.add(lease);
            }
            if (lease == null || !bindable(port + offset)) {
                leases.forEach(FreePorts::closeQuietly);
                return null;
            }
        }
        return leases;
    }

    /** The open channel holding the port's lock, or null when another lease (here or elsewhere) holds it. */
    static FileChannel lease(int port) {
        FileChannel channel = null;
        try {
            Path file = lockFile(port);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            openToEveryone(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return channel;
        } catch (OverlappingFileLockException leasedInThisJvm) {
            closeQuietly(channel);
            return null;
        } catch (AccessDeniedException anotherUsersLock) {
            return null; // another user's lease file we may not lock: the port is theirs
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lease port " + port + " in " + LOCKS, e);
        }
    }

    /** The port's lock file, in a folder every user may create lock files in (studios of several users share). */
    private static Path lockFile(int port) throws IOException {
        if (!Files.isDirectory(LOCKS)) {
            Files.createDirectories(LOCKS);
            openToEveryone(LOCKS);
        }
        return LOCKS.resolve(port + ".lock");
    }

    private static void openToEveryone(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException notOursOrNotPosix) {
            // another user's file keeps its owner's permissions; a non-POSIX file system has none to set
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the descriptor either way
        }
    }
}

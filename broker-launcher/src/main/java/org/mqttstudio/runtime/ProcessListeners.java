package org.mqttstudio.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which ports a process's own listening TCP sockets are on, from Linux's /proc: the listening sockets' inodes in
 * {@code /proc/net/tcp[6]}, the process's open sockets in {@code /proc/<pid>/fd}. Reading another user's
 * descriptors (mosquitto run as root drops to user mosquitto) needs root's ptrace right, which a container may
 * lack: then there is no answer.
 */
final class ProcessListeners {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private ProcessListeners() {
    }

    /**
     * The ports the process listens on (any address), reading each table and the descriptors once; empty when
     * /proc does not tell (elsewhere than on Linux, without the right, or the process ended).
     */
    static Optional<Set<Integer>> listeningPorts(long pid) {
        List<String> sockets;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            sockets = fds.map(ProcessListeners::target).toList();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (sockets.isEmpty() || !Files.isReadable(TABLES.get(0))) {
            return Optional.empty();
        }
        Map<String, Integer> listening = listeningSockets();
        return Optional.of(sockets.stream().map(listening::get).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** Port by "socket:[inode]" of every listening socket; a table line: sl local rem st ... uid timeout inode. */
    private static Map<String, Integer> listeningSockets() {
        Map<String, Integer> sockets = new HashMap<>();
        for (Path table : TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[3].equals(LISTEN)) {
                        String local = fields[1];
                        sockets.put("socket:[" + fields[9] + "]",
                                Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                }
            } catch (IOException noIpv6) {
                // a kernel without IPv6 has no tcp6 table
            }
        }
        return sockets;
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }
}

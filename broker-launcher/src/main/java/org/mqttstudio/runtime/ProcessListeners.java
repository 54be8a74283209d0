package org.mqttstudio.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whose listening TCP socket a port is, from Linux's /proc: the listening sockets' inodes in
 * {@code /proc/net/tcp[6]}, the process's open sockets in {@code /proc/<pid>/fd}. Reading another
 * user's descriptors (mosquitto run as root drops to user mosquitto) needs root's ptrace right, which
 * a container may lack: then {@link #readable} says no.
 */
final class ProcessListeners {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private ProcessListeners() {
    }

    /** Whether /proc tells this process's sockets (false elsewhere than on Linux, or without the right). */
    static boolean readable(long pid) {
        try (Stream<Path> fds = Files.list(descriptors(pid))) {
            return fds.findAny().isPresent() && Files.isReadable(TABLES.get(0));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Whether the process holds a socket listening on the port (on any address). */
    static boolean listens(long pid, int port) {
        Set<String> listening = listeningSockets(port);
        if (listening.isEmpty()) {
            return false;
        }
        try (Stream<Path> fds = Files.list(descriptors(pid))) {
            return fds.map(ProcessListeners::target).anyMatch(listening::contains);
        } catch (IOException | UncheckedIOException e) {
            return false; // the process ended
        }
    }

    /** "socket:[inode]" of each socket listening on the port; a table line: sl local rem st ... uid timeout inode. */
    private static Set<String> listeningSockets(int port) {
        String localPort = String.format(":%04X", port);
        Set<String> sockets = new HashSet<>();
        for (Path table : TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(localPort) && fields[3].equals(LISTEN)) {
                        sockets.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException noIpv6) {
                // a kernel without IPv6 has no tcp6 table
            }
        }
        return sockets;
    }

    private static Path descriptors(long pid) {
        return Path.of("/proc", Long.toString(pid), "fd");
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }
}

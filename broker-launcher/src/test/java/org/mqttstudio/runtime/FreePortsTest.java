package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsLieBelowTheEphemeralRangeAreBindableOnLoopbackAndAreNotHandedOutTwice() throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int base = FreePorts.consecutive(3);
            for (int port = base; port < base + 3; port++) {
                assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST).isLessThan(32768);
                assertThat(seen.add(port)).as("port %d handed out twice within its lease", port).isTrue();
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            }
        }
    }

    @Test
    void anOffsetKeepsTheSpacingOfTheDesignedPorts() {
        List<Integer> designed = List.of(1883, 1884, 8883, 1883);
        int offset = FreePorts.offsetFor(designed);

        assertThat(designed).allSatisfy(p -> assertThat(p + offset).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST));
        assertThat(FreePorts.lease(1883 + offset)).as("leased already").isNull();
        assertThat(FreePorts.lease(8883 + offset)).as("leased already").isNull();
    }

    @Test
    void aPortSomebodyListensOnIsNotLeased() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.leaseAll(List.of(taken.getLocalPort()), 0)).isNull();
            // and its lock is given back, so the port is leasable once the listener goes
            FileChannel lease = FreePorts.lease(taken.getLocalPort());
            assertThat(lease).isNotNull();
            lease.close();
        }
    }

    @Test
    void aPortWhoseLockAnotherProcessHoldsIsNotLeased() throws Exception {
        int port = unleasedPort();
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "mqtt-studio-ports", port + ".lock");
        // python's lockf takes the same POSIX record lock as Java's FileChannel.tryLock
        Process holder = new ProcessBuilder("/usr/bin/python3", "-c", "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'a')\n"
                + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                + "print('locked', flush=True)\n"
                + "time.sleep(60)\n", lockFile.toString()).redirectErrorStream(true).start();
        try {
            String line = new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
            assertThat(line).as("the other process's output").isEqualTo("locked");

            assertThat(FreePorts.lease(port)).isNull();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        FileChannel lease = FreePorts.lease(port);
        assertThat(lease).as("free again once the other process is gone").isNotNull();
        lease.close();
    }

    /** A port in the range that nobody, this JVM included, holds a lease on. */
    private static int unleasedPort() throws IOException {
        for (int port = FreePorts.LOWEST; port <= FreePorts.HIGHEST; port++) {
            FileChannel lease = FreePorts.lease(port);
            if (lease != null) {
                lease.close();
                return port;
            }
        }
        throw new AssertionError("every port of the range is leased");
    }
}

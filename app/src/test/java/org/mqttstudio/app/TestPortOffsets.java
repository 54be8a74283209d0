package org.mqttstudio.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.mqttstudio.app.run.PortOffsets;
import org.mqttstudio.topology.Topology;

/**
 * A port offset for one test run whose ports are free, below 32768 (the kernel hands out ephemeral ports above, so
 * no other test's client can take them meanwhile), and held by a file lock until closed, so that tests running at the
 * same time in other JVMs never pick the same offset. Offsets step by 10: the challenge's four ports never overlap.
 */
final class TestPortOffsets implements AutoCloseable {
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "mqtt-studio-test-offsets");
    private static final int FIRST = 1000;
    private static final int STEP = 10;
    private static final int COUNT = 2900;

    private final int offset;
    private final FileChannel channel;
    private final FileLock lock;

    private TestPortOffsets(int offset, FileChannel channel, FileLock lock) {
        this.offset = offset;
        this.channel = channel;
        this.lock = lock;
    }

    static TestPortOffsets lease(Topology topology) {
        try {
            Files.createDirectories(LOCKS);
            int start = ThreadLocalRandom.current().nextInt(COUNT);
            for (int i = 0; i < COUNT; i++) {
                int offset = FIRST + STEP * ((start + i) % COUNT);
                FileChannel channel = FileChannel.open(LOCKS.resolve("offset-" + offset + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldHere) {
                    lock = null;
                }
                if (lock != null && PortOffsets.firstTaken(topology, offset).isEmpty()) {
                    return new TestPortOffsets(offset, channel, lock);
                }
                if (lock != null) {
                    lock.release();
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no free port offset below 32768");
    }

    int offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}

package org.mqttstudio.trace;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mqttstudio.mosquitto.MosquittoProcesses;
import org.mqttstudio.runtime.FreePorts;

/** A real mosquitto on a free 127.0.0.1 port, run from a temp folder, for this package's tests. */
final class LocalMosquitto implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalMosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LocalMosquitto start(Path folder, String... extraConfigLines) throws IOException {
        MosquittoProcesses.requireInstalled();
        int port = FreePorts.one();
        Path config = folder.resolve("mosquitto-" + port + ".conf");
        Path log = folder.resolve("mosquitto-" + port + ".log");
        StringBuilder text = new StringBuilder()
                .append("listener ").append(port).append(" 127.0.0.1\n")
                .append("allow_anonymous true\n")
                .append("persistence false\n")
                .append("log_dest stderr\n")
                .append("log_type all\n");
        if ("root".equals(System.getProperty("user.name"))) {
            text.append("user root\n"); // else mosquitto drops to user 'mosquitto', who cannot write here
        }
        for (String line : extraConfigLines) {
            text.append(line).append('\n');
        }
        Files.writeString(config, text);
        Process process = new ProcessBuilder(MosquittoProcesses.EXECUTABLE.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalMosquitto mosquitto = new LocalMosquitto(process, port);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            return accepts(port);
        });
        return mosquitto;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

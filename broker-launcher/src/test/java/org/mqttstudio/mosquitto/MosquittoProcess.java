package org.mqttstudio.mosquitto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One real mosquitto started by {@link MosquittoProcesses}: its port and everything it printed. */
public final class MosquittoProcess {
    private final String name;
    private final int port;
    private final Process process;
    private final Path output;

    MosquittoProcess(String name, int port, Process process, Path output) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.output = output;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What mosquitto wrote to stdout and stderr so far (its log with {@code log_dest stderr}). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        }
    }

    /** The output framed for a failure message. */
    String report() {
        String state = process.isAlive() ? "running" : "exited with code " + process.exitValue();
        return "--- mosquitto '" + name + "' on 127.0.0.1:" + port + " (" + state + "), output " + output + ":\n"
                + output() + "--- end of '" + name + "'\n";
    }

    /** SIGTERM, then SIGKILL if mosquitto has not ended within 5 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

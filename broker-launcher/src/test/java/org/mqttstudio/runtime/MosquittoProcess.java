package org.mqttstudio.runtime;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mqttstudio.mosquitto.MosquittoProcesses;

/** A real mosquitto 2 on 127.0.0.1 and a free port, for comparing the embedded broker with it. */
final class MosquittoProcess implements AutoCloseable {
    private static final Path MOSQUITTO = MosquittoProcesses.EXECUTABLE;
    private static final Path MOSQUITTO_PASSWD = MosquittoProcesses.PASSWD;

    private final Process process;
    private final int port;

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts mosquitto with {@code allow_anonymous}, a password file made by {@code mosquitto_passwd}
     * (none when {@code passwords} is null) and an ACL file (none when {@code aclLines} is null).
     *
     * @param aclLines the ACL file's lines, e.g. "user alice", "topic read ro/#"
     */
    static MosquittoProcess start(Path dir, boolean allowAnonymous, Map<String, String> passwords,
            List<String> aclLines) throws IOException, InterruptedException {
        MosquittoProcesses.requireInstalled();
        int port = LoopbackPorts.free();
        List<String> conf = new ArrayList<>(List.of("listener " + port + " 127.0.0.1",
                "allow_anonymous " + allowAnonymous, "log_dest stderr"));
        if (passwords != null) {
            Path passwordFile = Files.writeString(dir.resolve("passwords"), "");
            for (Map.Entry<String, String> user : passwords.entrySet()) {
                run(MOSQUITTO_PASSWD.toString(), "-b", passwordFile.toString(), user.getKey(), user.getValue());
            }
            conf.add("password_file " + passwordFile);
        }
        if (aclLines != null) {
            conf.add("acl_file " + Files.write(dir.resolve("acl"), aclLines));
        }
        if ("root".equals(System.getProperty("user.name"))) {
            conf.add("user root"); // else mosquitto drops to user mosquitto, who cannot read the temp folder
        }
        Path confFile = Files.write(dir.resolve("mosquitto.conf"), conf);
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive() || LoopbackPorts.inUse(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto did not start: "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            return new MosquittoProcess(process, port);
        } catch (RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}

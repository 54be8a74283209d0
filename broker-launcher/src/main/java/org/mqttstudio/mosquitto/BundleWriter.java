package org.mqttstudio.mosquitto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/**
 * Exports a topology as a folder mosquitto can run: per broker a folder named by its id with
 * {@code mosquitto.conf} (plus {@code passwd} and {@code acl} when used), and at the top
 * {@code start-all.sh}, {@code stop-all.sh} and {@code README.md}. Same topology, same bytes.
 */
public final class BundleWriter {
    static final String START = "start-all.sh";
    static final String STOP = "stop-all.sh";
    static final String README = "README.md";
    /** Each broker's configuration file in its folder. */
    public static final String CONF = "mosquitto.conf";

    private final MosquittoConfWriter confWriter = new MosquittoConfWriter();

    public BundleWriter() {
    }

    /** Writes the bundle into {@code outDir} and returns the files written, relative to it, sorted. */
    public List<Path> write(Topology t, Path outDir, int portOffset) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        for (Broker b : t.brokers()) {
            brokerFiles(t, b, PortMap.offset(portOffset))
                    .forEach((name, text) -> files.put(Path.of(b.id(), name), text));
        }
        BundleScripts scripts = new BundleScripts(t, portOffset);
        files.put(Path.of(START), scripts.start());
        files.put(Path.of(STOP), scripts.stop());
        files.put(Path.of(README), scripts.readme());

        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Path target = outDir.resolve(file.getKey());
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().toString().endsWith(".sh")) {
                makeExecutable(target);
            }
            written.add(file.getKey());
        }
        return written;
    }

    /**
     * One broker's files by name: {@code mosquitto.conf}, and {@code passwd} and {@code acl} when
     * it has users or ACL rules (the file refers to them relative to its folder).
     */
    public Map<String, String> brokerFiles(Topology t, Broker b, PortMap ports) {
        Map<String, String> files = new TreeMap<>();
        files.put(CONF, confWriter.write(t, b, ports));
        if (!b.users().isEmpty()) {
            files.put(MosquittoConfWriter.PASSWORD_FILE, PasswordFile.write(b.users()));
        }
        if (!b.acl().isEmpty()) {
            files.put(MosquittoConfWriter.ACL_FILE, AclFile.write(b.acl()));
        }
        return files;
    }

    private static void makeExecutable(Path script) throws IOException {
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the README says to run the scripts with sh.
        }
    }
}

package org.mqttstudio.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mqttstudio.mosquitto.BundleWriter;
import org.mqttstudio.mosquitto.PortMap;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Topology;

/**
 * One broker node run as a real {@code mosquitto -c mosquitto.conf} process, from the exporter's
 * files, in {@code <runDir>/<node id>}: its listeners on their internal ports on 127.0.0.1, its
 * bridges pointed at the other nodes' wire taps, its log in {@code mosquitto.log} there. Like an
 * {@link EmbeddedBroker} it starts once.
 */
public final class MosquittoBroker implements BrokerInstance {
    /** The one line a run without mosquitto fails with. */
    public static final String NOT_INSTALLED = "mosquitto is not installed: apt-get install mosquitto";
    private static final long START_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final String LOG = "mosquitto.log";

    private final Topology topology;
    private final Broker node;
    private final Path folder;
    private final Map<Listener, Integer> internalPorts;
    private final PortPlan plan;
    private Process process;
    private CompletableFuture<Void> stopped;

    /**
     * @param internalPorts the port each listener of the node binds
     * @param plan where the bridges' targets are
     */
    public MosquittoBroker(Topology topology, Broker node, Path runDir, Map<Listener, Integer> internalPorts,
            PortPlan plan) {
        this.topology = topology;
        this.node = node;
        this.folder = runDir.resolve(node.id());
        this.internalPorts = Map.copyOf(internalPorts);
        this.plan = plan;
    }

    /** mosquitto's executable: {@code /usr/sbin/mosquitto} or {@code mosquitto} on the PATH. */
    public static Optional<Path> executable() {
        Path debian = Path.of("/usr/sbin/mosquitto");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "mosquitto")).filter(Files::isExecutable).findFirst();
    }

    /** The broker's captured output (its log). */
    public Path log() {
        return folder.resolve(LOG);
    }

    @Override
    public synchronized void start() throws BrokerStartException {
        if (process != null || stopped != null) {
            throw new IllegalStateException("mosquitto '" + node.id() + "' was started before; make a new one");
        }
        Path mosquitto = executable().orElseThrow(() -> new BrokerStartException(NOT_INSTALLED));
        Broker runNode = forThisRun(node);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : new BundleWriter().brokerFiles(topology, runNode, portMap(runNode))
                    .entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            openToMosquittoUser();
            process = new ProcessBuilder(mosquitto.toString(), "-c", BundleWriter.CONF)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())) // after a restart too
                    .start();
        } catch (IOException e) {
            throw new BrokerStartException("broker '" + node.id() + "': cannot start mosquitto ("
                    + e.getMessage() + ")", e);
        }
        awaitListening();
    }

    /**
     * The node as this run needs it: listeners on loopback, the log on stderr (captured), and
     * persistence in its own folder (the course's files share /var/lib/mosquitto).
     */
    private static Broker forThisRun(Broker b) {
        List<Listener> loopback = b.listeners().stream()
                .map(l -> new Listener(l.port(), l.protocol(), PortPlan.HOST)).toList();
        Logging logging = new Logging(List.of("stderr"), b.logging().types(), b.logging().connectionMessages());
        Persistence persistence = new Persistence(b.persistence().enabled(), null, b.persistence().autosaveInterval());
        return new Broker(b.id(), b.name(), b.host(), loopback, b.allowAnonymous(), b.users(), b.acl(), persistence,
                logging, b.limits(), b.extraOptions(), b.position());
    }

    private PortMap portMap(Broker runNode) {
        return new PortMap() {
            @Override
            public int listenerPort(Broker broker, Listener listener) {
                return internalPorts.get(node.listeners().get(runNode.listeners().indexOf(listener)));
            }

            @Override
            public String bridgeAddress(Node target) {
                return plan.endpoint(target.id()).map(Endpoint::toString).orElse(PortPlan.HOST + ":1883");
            }
        };
    }

    /** Run as root, mosquitto drops to user mosquitto, which must read its files and write its folder. */
    private void openToMosquittoUser() throws IOException {
        Set<PosixFilePermission> parent = EnumSet.copyOf(Files.getPosixFilePermissions(folder.getParent()));
        parent.addAll(List.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(folder.getParent(), parent);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        }
    }

    private void awaitListening() throws BrokerStartException {
        List<Integer> ports = List.copyOf(internalPorts.values());
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw ports.stream().filter(LoopbackPorts::inUse).findFirst()
                        .<BrokerStartException>map(port -> new PortInUseException(node.id(), port))
                        .orElseGet(() -> new BrokerStartException("broker '" + node.id() + "': mosquitto stopped: "
                                + lastLogLine()));
            }
            if (listensOnAll(ports)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopAsync();
        throw new BrokerStartException("broker '" + node.id() + "': mosquitto did not listen on " + ports
                + " within 10 s: " + lastLogLine());
    }

    /**
     * mosquitto exits when it cannot bind a port, but a moment after it started: until then another
     * broker's listener on the port would accept for it. /proc tells whose socket it is, where readable.
     */
    private boolean listensOnAll(List<Integer> ports) {
        return ProcessListeners.listeningPorts(process.pid()).map(own -> own.containsAll(ports))
                .orElseGet(() -> ports.stream().allMatch(MosquittoBroker::accepts));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(PortPlan.HOST, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** mosquitto's last error line, the one that says why it stopped (e.g. a bad option). */
    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.stream().filter(l -> l.contains("Error")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    /** Stops mosquitto (SIGTERM, after 5 s SIGKILL) on a thread of its own. */
    @Override
    public synchronized CompletableFuture<Void> stopAsync() {
        if (stopped == null) {
            Process running = process;
            stopped = running == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> stop(running),
                            task -> new Thread(task, "stop-mosquitto-" + node.id()).start());
        }
        return stopped;
    }

    private static void stop(Process running) {
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }
}

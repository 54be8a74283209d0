package org.mqttstudio.app.uibench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.mqttstudio.app.Snapshots;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.explorer.ExplorerLoad;
import org.mqttstudio.app.explorer.ExplorerServices;
import org.mqttstudio.app.explorer.ExplorerWindow;
import org.mqttstudio.app.tracepanel.FxMeter;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.explorer.ExplorerConnection;
import org.mqttstudio.explorer.ExplorerSession;
import org.mqttstudio.explorer.HistoryLimits;
import org.mqttstudio.explorer.TopicSummary;
import org.mqttstudio.runtime.FreePorts;
import org.mqttstudio.runtime.RunOptions;
import org.mqttstudio.runtime.TopologyRunner;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/**
 * The topic explorer's rows of {@code studio bench --ui-trace}: the real explorer window, one real connection to a
 * one-broker run (an embedded broker behind its wire tap, as "Explore" on a running canvas gets it), fed by a
 * hivemq-mqtt-client publisher at a steady rate. Two loads: a flood of 10 000 messages/s over 1 000 topics (with one
 * topic's history shown, long enough to overflow the total history bound), and the chart with 5 series at 1 000
 * points/s each. Per load: the rate received, frames/s, the worst FX stall, the explorer's own worst frame, what the
 * session, tree and chart hold against their bounds, heap after a GC. Runs on the bench's JavaFX, started already.
 */
final class ExplorerBench {
    private static final int FLOOD_RATE = 10_000;
    private static final int FLOOD_TOPICS = 1_000;
    private static final int SERIES = 5;
    private static final int POINTS_PER_SECOND = 1_000;
    private static final int WARM_UP_SECONDS = 3;

    private record Row(String load, double offered, double received, double fps, double stallMs, double frameCpuMs,
            double fxCpuShare, double renderCpuShare, ExplorerLoad held, int history, int heldEntries, int topics, double heapMb) {
    }

    private ExplorerBench() {
    }

    /** Measures both loads, each for at least {@code seconds}, and prints their table. */
    static void print(int seconds) throws Exception {
        HistoryLimits limits = HistoryLimits.DEFAULT;
        int port = FreePorts.one();
        Topology topology = Topology.of("explorer-bench", List.of(Broker.simple("bench", "bench", port, true,
                Position.ORIGIN)), List.of(), List.of(), List.of(), List.of());
        // the run's own trace is not what is measured here: kept small, so the heap shows the explorer's
        TopologyRunner run = TopologyRunner.create(topology, RunOptions.defaults().withRecorderCapacity(1_000));
        run.startAsync().get(60, TimeUnit.SECONDS);
        List<Row> rows = new ArrayList<>();
        try {
            java.nio.file.Path config = java.nio.file.Files.createTempDirectory("explorer-bench-");
            ExplorerWindow window = TraceBench.onFx(() -> {
                ExplorerWindow w = new ExplorerWindow(ExplorerServices.system(config), limits,
                        StudioFolders.locate().asset("studio.css").map(css -> css.toUri().toString()));
                w.show();
                return w;
            });
            FxMeter meter = TraceBench.onFx(() -> {
                FxMeter m = new FxMeter();
                m.start();
                return m;
            });
            Mqtt5AsyncClient publisher = MqttClient.builder().useMqttVersion5().serverHost("127.0.0.1")
                    .serverPort(port).identifier("explorer-bench-load").buildAsync();
            publisher.connect().get(30, TimeUnit.SECONDS);
            // past the total bound at 10 000/s, so the bound is what holds the history, not the run's length
            int floodSeconds = Math.max(seconds, (int) Math.ceil(1.25 * limits.total() / FLOOD_RATE));
            rows.add(measure("10,000 msg/s over 1,000 topics, one topic's history shown", window, meter, port,
                    publisher, FLOOD_RATE, floodSeconds, i -> "flood/" + (i % FLOOD_TOPICS) + "/value",
                    () -> select(window, "flood/7/value")));
            rows.add(measure("chart: 5 series × 1,000 points/s", window, meter, port, publisher,
                    SERIES * POINTS_PER_SECOND, Math.max(seconds, 10), i -> "chart/" + (i % SERIES) + "/value",
                    () -> {
                        for (int k = 0; k < SERIES; k++) {
                            window.plot("chart/" + k + "/value");
                        }
                    }));
            publisher.disconnect().get(30, TimeUnit.SECONDS);
            TraceBench.onFx(() -> {
                meter.stop();
                window.stage().close();
                return null;
            });
        } finally {
            run.stopAsync().get(60, TimeUnit.SECONDS);
        }
        System.out.println();
        System.out.printf("explorer, one connection to an embedded broker behind its wire tap, history bounds %,d per"
                + " topic / %,d in all, %s, %d cores, load average %s%n", limits.perTopic(), limits.total(),
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                Runtime.getRuntime().availableProcessors(), TraceBench.loadAverage());
        System.out.println("| load | offered msg/s | received msg/s | frames/s | worst stall ms | worst frame cpu ms "
                + "| FX thread cpu % | render thread cpu % | explorer's worst frame ms | history kept (entries held) | topics | tree items "
                + "| chart points kept / drawn | heap MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf("| %s | %,.0f | %,.0f | %.0f | %.0f | %.1f | %.0f | %.0f | %d | %,d (%,d) | %,d | %,d "
                    + "| %,d / %,d | %.0f |%n", r.load(), r.offered(), r.received(), r.fps(), r.stallMs(),
                    r.frameCpuMs(), 100 * r.fxCpuShare(), 100 * r.renderCpuShare(),
                    r.held().worstFrameWork().toMillis(), r.history(), r.heldEntries(), r.topics(),
                    r.held().treeItems(), r.held().chartPointsKept(), r.held().chartPointsDrawn(), r.heapMb());
        }
    }

    /** One load into a fresh tab: connect, warm up, {@code setUp} on the FX thread, then measure. */
    private static Row measure(String label, ExplorerWindow window, FxMeter meter, int port,
            Mqtt5AsyncClient publisher, int rate, int seconds, LongFunction<String> topicOf, Runnable setUp)
            throws Exception {
        ExplorerConnection connection = TraceBench.onFx(() -> window.connect(ConnectionProfile.of("127.0.0.1", port)
                .withName(label.startsWith("chart") ? "chart" : "flood")));
        ExplorerSession session = connection.session();
        long sent = 0;
        // the tab subscribes once connected, through the FX thread: on a loaded machine that takes seconds
        for (int second = 0; session.received() == 0; second++) {
            if (second == 60) {
                throw new IllegalStateException("the explorer received nothing in 60 s: "
                        + connection.state().message());
            }
            sent = publish(publisher, sent, rate, 1, topicOf);
        }
        sent = publish(publisher, sent, rate, WARM_UP_SECONDS, topicOf);
        TraceBench.onFx(() -> {
            setUp.run();
            meter.reset();
            return null;
        });
        long fxThread = TraceBench.onFx(() -> Thread.currentThread().getId());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        long fxCpuBefore = threads.getThreadCpuTime(fxThread);
        long renderCpuBefore = threads.getThreadCpuTime(renderThread);
        long receivedBefore = session.received();
        long start = System.nanoTime();
        long fed = publish(publisher, sent, rate, seconds, topicOf) - sent;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double fxCpu = (threads.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e9 / elapsed;
        double renderCpu = (threads.getThreadCpuTime(renderThread) - renderCpuBefore) / 1e9 / elapsed;
        Thread.sleep(300); // the last frames of the load
        double received = (session.received() - receivedBefore) / elapsed;
        long pulses = TraceBench.onFx(meter::pulses);
        double stall = TraceBench.onFx(meter::worstStallMillis);
        double frameCpu = TraceBench.onFx(meter::worstFrameCpuMillis);
        ExplorerLoad held = TraceBench.onFx(window::load);
        snapshot(window, "explorer-bench-" + connection.profile().name() + ".png");
        connection.disconnect().get(30, TimeUnit.SECONDS);
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        System.err.printf("studio: explorer, %s: %.0f frames/s%n", label, pulses / (elapsed + 0.3));
        return new Row(label, fed / elapsed, received, pulses / (elapsed + 0.3), stall, frameCpu, fxCpu, renderCpu, held,
                session.historySize(), session.historyEntriesHeld(), session.topicCount(), heap);
    }

    /** Saves what the window shows under app/target/screenshots/ (to look at what was measured). */
    private static void snapshot(ExplorerWindow window, String name) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("studio.home", "."), "app", "target",
                "screenshots", name);
        TraceBench.onFx(() -> {
            try {
                Snapshots.save(window.stage().getScene(), file);
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.err.println("studio: saved " + file);
    }

    /** Publishes {@code rate} messages a second (QoS 0) for {@code seconds}, paced each millisecond. */
    private static long publish(Mqtt5AsyncClient publisher, long from, int rate, int seconds,
            LongFunction<String> topicOf) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = from;
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = from + (now - start) * rate / 1_000_000_000L;
            while (sent < due) {
                publisher.publishWith().topic(topicOf.apply(sent))
                        // a wave a topic, each topic's its own phase (the chart's series apart)
                        .payload(("value: " + Math.round(1000 * Math.sin(sent / 5000.0 + sent % 5)) / 10.0)
                                .getBytes(StandardCharsets.UTF_8)).send();
                sent++;
            }
            Thread.sleep(1);
        }
        return sent;
    }

    /** Selects a topic in the first tab's tree, so its history table follows the flood. */
    private static void select(ExplorerWindow window, String topic) {
        @SuppressWarnings("unchecked")
        TreeView<TopicSummary> tree = (TreeView<TopicSummary>) window.stage().getScene().lookup("#explorer-tree");
        find(tree.getRoot(), topic).ifPresent(item -> {
            for (TreeItem<TopicSummary> up = item.getParent(); up != null; up = up.getParent()) {
                up.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
        });
    }

    private static Optional<TreeItem<TopicSummary>> find(TreeItem<TopicSummary> at, String topic) {
        if (at.getValue() != null && at.getValue().topic().equals(topic)) {
            return Optional.of(at);
        }
        return at.getChildren().stream().map(c -> find(c, topic)).flatMap(Optional::stream).findFirst();
    }
}

package org.mqttstudio.app.uibench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.live.LivePump;
import org.mqttstudio.app.tracepanel.FxMeter;
import org.mqttstudio.app.tracepanel.PacketTable;
import org.mqttstudio.app.tracepanel.RowFormatter;
import org.mqttstudio.app.tracepanel.SyntheticPackets;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.runtime.EventFeed;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.trace.PacketReader;
import org.mqttstudio.trace.Recorder;

/**
 * {@code studio bench --ui-trace [--rates 10000,50000,...] [--seconds S] [--rows N]}: the real packet trace panel in a
 * real window, fed synthetic packets through the real recorder and pump at rising rates; per rate it reports the
 * frames rendered per second (pulses), the worst FX stall (wall clock) and the worst frame's FX-thread CPU time, the
 * rows kept, the packets the pump lost (gap rows) and the heap used after a GC. Needs a display (Xvfb will do).
 */
public final class TraceBench {
    private static final String USAGE = "usage: studio bench --ui-trace [--rates 10000,50000,...] [--seconds S] "
            + "[--rows N]";

    private record Row(int offered, double fed, double fps, double stallMs, double frameCpuMs, double fxCpuShare,
            double renderCpuShare, int rows, long lost, double heapMb) {
    }

    private TraceBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = List.of(10_000, 25_000, 50_000, 100_000, 200_000);
        int seconds = 5;
        int rows = PacketTable.DEFAULT_CAPACITY;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ui-trace" -> { }
                    case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--rows" -> rows = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
        } catch (RuntimeException e) {
            System.err.println("studio: " + (e instanceof IllegalArgumentException && e.getMessage() != null
                    && !(e instanceof NumberFormatException) ? e.getMessage() : "bad value: " + e.getMessage()));
            System.err.println(USAGE);
            System.exit(2);
        }
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("studio: bench --ui-trace draws a real window and needs a display; without one: "
                    + "xvfb-run -s '-screen 0 1600x1000x24' ./studio bench --ui-trace");
            System.exit(2);
        }
        List<Row> results = run(rates, seconds, rows);
        System.out.println();
        System.out.printf("trace panel, %,d rows kept at most, %d s per rate, %s, %d cores, load average %s%n", rows,
                seconds, Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| offered packets/s | fed packets/s | frames/s | worst stall ms | worst frame cpu ms "
                + "| FX thread cpu % | render thread cpu % | cpu ms per frame | rows kept | lost (gap rows) | heap MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : results) {
            System.out.printf("| %,d | %,.0f | %.0f | %.0f | %.1f | %.0f | %.0f | %.1f | %,d | %,d | %.0f |%n", r.offered(),
                    r.fed(), r.fps(), r.stallMs(), r.frameCpuMs(), 100 * r.fxCpuShare(), 100 * r.renderCpuShare(),
                    r.fps() == 0 ? 0 : 1000 * (r.fxCpuShare() + r.renderCpuShare()) / r.fps(), r.rows(), r.lost(),
                    r.heapMb());
        }
        ExplorerBench.print(seconds);
        CanvasBench.report(10_000, seconds);
        Platform.exit();
        System.exit(0);
    }

    private static List<Row> run(List<Integer> rates, int seconds, int rows) throws Exception {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        PacketTable table = onFx(() -> new PacketTable(rows, (name, format) -> java.util.Optional.empty(), m -> { }));
        FxMeter meter = onFx(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(table, 1400, 800);
            StudioFolders.locate().asset("studio.css")
                    .ifPresent(css -> scene.getStylesheets().add(css.toUri().toString()));
            stage.setTitle("studio bench --ui-trace");
            stage.setScene(scene);
            stage.show();
            FxMeter m = new FxMeter();
            m.start();
            return m;
        });
        Recorder recorder = new Recorder(Math.max(rows, Recorder.DEFAULT_CAPACITY));
        PacketReader reader = recorder.view().reader(rows);
        LivePump pump = new LivePump(reader, new EventFeed<NodeStatus>().subscribe(1),
                new EventFeed<Delivery>().subscribe(1), new RowFormatter(Instant.now(), id -> id), Platform::runLater,
                batch -> table.accept(batch.rows()), rows).start();
        long sequence = feed(recorder, 0, 20_000, 6); // warm-up: class loading, CSS, the JIT, the heap's size
        long fxThread = onFx(() -> Thread.currentThread().getId());
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // the software pipeline draws on its own thread, and the FX thread waits for it each frame
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        List<Row> results = new ArrayList<>();
        for (int rate : rates) {
            onFx(() -> {
                meter.reset();
                return null;
            });
            long lostBefore = pump.lostCount();
            long fxCpuBefore = threads.getThreadCpuTime(fxThread);
            long renderCpuBefore = threads.getThreadCpuTime(renderThread);
            long start = System.nanoTime();
            long fed = feed(recorder, sequence, rate, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double fxCpu = (threads.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e9 / elapsed;
            double renderCpu = (threads.getThreadCpuTime(renderThread) - renderCpuBefore) / 1e9 / elapsed;
            sequence += fed;
            Thread.sleep(300); // the last batches reach the table
            long pulses = onFx(meter::pulses);
            double stall = onFx(meter::worstStallMillis);
            double frameCpu = onFx(meter::worstFrameCpuMillis);
            int kept = onFx(() -> table.allRows().size());
            System.gc();
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
            results.add(new Row(rate, fed / elapsed, pulses / (elapsed + 0.3), stall, frameCpu, fxCpu, renderCpu, kept,
                    pump.lostCount() - lostBefore, heap));
            System.err.printf("studio: %,d packets/s offered: %.0f frames/s%n", rate, pulses / (elapsed + 0.3));
        }
        pump.close();
        return results;
    }

    /** The 1-minute load average (how busy the machine was: other processes share the cores), or "unknown". */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Feeds {@code rate} packets a second for {@code seconds}; returns how many. */
    private static long feed(Recorder recorder, long from, int rate, int seconds) throws InterruptedException {
        return Pacing.paced(rate, seconds, n -> recorder.accept(SyntheticPackets.event(from + n)));
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}

package org.mqttstudio.app.uibench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.app.animation.EdgeState;
import org.mqttstudio.app.animation.FlowAnimator;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.tracepanel.FxMeter;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import org.mqttstudio.trace.FlowHop;

/**
 * The canvas row of {@code studio bench --ui-trace}: the challenge on a real canvas in a real 1280 × 800 window, its
 * messages animated by the real {@link FlowAnimator} (pump, scheduler, dots, labels, legend) from made-up flows at
 * a given rate, alternating the challenge's two routes (4 hops for temperature, 3 for humidity), each message's
 * flow offered twice as a run's reader gives it (first its first two hops, then all). Reports frames per second,
 * the worst stall, the FX thread's worst frame, the dots drawn and the edges drawn busy. Platform must be started.
 */
final class CanvasBench {
    private record Result(int offered, double fed, double hopsPerSecond, double fps, double stallMs,
            double frameCpuMs, double fxCpuShare, long dots, int maxShown, long busy, int edges, long lost) {
    }

    private CanvasBench() {
    }

    /** Runs the canvas at {@code rate} messages a second for {@code seconds} and prints its row. */
    static void report(int rate, int seconds) throws Exception {
        Topology challenge = new TopologyJson().read(StudioFolders.locate().samples().orElseThrow()
                .resolve("challenge.json"));
        SyntheticFlows flows = new SyntheticFlows();
        TopologyCanvas canvas = TraceBench.onFx(TopologyCanvas::new);
        FlowAnimator animator = TraceBench.onFx(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(canvas, 1280, 800);
            StudioFolders.locate().asset("studio.css")
                    .ifPresent(css -> scene.getStylesheets().add(css.toUri().toString()));
            stage.setTitle("studio bench --ui-trace: canvas");
            stage.setScene(scene);
            stage.show();
            canvas.show(challenge);
            canvas.fit();
            FlowAnimator a = new FlowAnimator(canvas);
            a.attach(flows, SyntheticFlows.elements(challenge), challenge);
            return a;
        });
        FxMeter meter = TraceBench.onFx(() -> {
            FxMeter m = new FxMeter();
            m.start();
            return m;
        });
        feed(flows, rate, 2); // warm-up: the JIT, the pool of dots, CSS of the labels
        TraceBench.onFx(() -> {
            meter.reset();
            return null;
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = TraceBench.onFx(() -> Thread.currentThread().getId());
        long dotsBefore = TraceBench.onFx(() -> animator.drawn().started());
        long hopsBefore = TraceBench.onFx(() -> hops(animator));
        long fxCpuBefore = threads.getThreadCpuTime(fxThread);
        long start = System.nanoTime();
        long fed = feed(flows, rate, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double fxCpu = (threads.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e9 / elapsed;
        Thread.sleep(400); // the last labels (refreshed five times a second) reach the canvas
        long pulses = TraceBench.onFx(meter::pulses);
        Result r = new Result(rate, fed / elapsed, (TraceBench.onFx(() -> hops(animator)) - hopsBefore) / elapsed,
                pulses / (elapsed + 0.4), TraceBench.onFx(meter::worstStallMillis), TraceBench.onFx(meter::worstFrameCpuMillis), fxCpu,
                TraceBench.onFx(() -> animator.drawn().started()) - dotsBefore, TraceBench.onFx(() -> animator.drawn().maxShown()),
                TraceBench.onFx(() -> animator.edges().values().stream().filter(EdgeState::busy).count()),
                TraceBench.onFx(() -> animator.edges().size()), TraceBench.onFx(() -> animator.drawn().lostFlows()));
        TraceBench.onFx(() -> {
            animator.detach();
            meter.stop();
            return null;
        });
        System.out.println();
        System.out.printf("canvas: the challenge at 1280 × 800 with its messages animated, %d s, %s, %d cores, "
                + "load average %s%n", seconds, Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                Runtime.getRuntime().availableProcessors(), TraceBench.loadAverage());
        System.out.println("| offered messages/s | fed messages/s | hops counted/s | frames/s | worst stall ms "
                + "| worst frame cpu ms | FX thread cpu % | dots drawn | most dots at once | edges busy | flows lost |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %,d | %,.0f | %,.0f | %.0f | %.0f | %.1f | %.0f | %,d | %d | %d of %d | %,d |%n", r.offered(),
                r.fed(), r.hopsPerSecond(), r.fps(), r.stallMs(), r.frameCpuMs(), 100 * r.fxCpuShare(), r.dots(),
                r.maxShown(), r.busy(), r.edges(), r.lost());
    }

    private static long hops(FlowAnimator animator) {
        return animator.edges().values().stream().mapToLong(EdgeState::hops).sum();
    }

    /** Offers {@code rate} messages a second for {@code seconds}, each as a run's reader gives it; returns how many. */
    private static long feed(SyntheticFlows flows, int rate, int seconds) throws InterruptedException {
        return Pacing.paced(rate, seconds, n -> {
            long id = flows.nextId();
            boolean temperature = id % 2 == 0;
            Instant at = Instant.now();
            List<FlowHop> hops = temperature ? SyntheticFlows.challengeTemperature(at)
                    : SyntheticFlows.challengeHumidity(at);
            String payload = (temperature ? "Temperature: " : "Humidity: ") + id;
            flows.offer(SyntheticFlows.flow(id, payload, hops.subList(0, 2)));
            flows.offer(SyntheticFlows.flow(id, payload, hops));
        });
    }
}

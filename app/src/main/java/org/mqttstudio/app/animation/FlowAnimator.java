package org.mqttstudio.app.animation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.runtime.RunElement;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.trace.FlowSource;

/**
 * A run's messages on the canvas: each hop of each delivered message as a dot moving along its edge, coloured by
 * topic (with a legend), chained hop after hop at a speed a person can follow; each edge's rate and last payload as
 * a label; an edge busier than the dots drawn for it in the busy style. A pump thread reads the run's flows and
 * does the counting and scheduling; the FX thread gets one frame of work at a time. Attach it to each run before it
 * starts, detach it when the run is over: that clears the canvas.
 *
 * <p>The speed (decided): Off, Slow, Normal (the default, 0.8 s an edge) or Fast, chosen in the Run menu; kept
 * while the window is open, across runs, and not saved: each start of the app shows the default.
 */
public final class FlowAnimator {
    /** Flows a reader keeps unread at most: a few seconds at 10 000 messages a second before it loses any. */
    private static final int BACKLOG = 50_000;

    private final DotLayer dots;
    private final EdgeLabels labels;
    private final TopicLegend legend;
    private final ObjectProperty<AnimationSpeed> speed = new SimpleObjectProperty<>(AnimationSpeed.NORMAL);
    private volatile AnimationSpeed currentSpeed = AnimationSpeed.NORMAL;
    private FlowDotPump pump;

    public FlowAnimator(TopologyCanvas canvas) {
        Objects.requireNonNull(canvas, "canvas");
        this.dots = new DotLayer(canvas, DotScheduler.MAX_DOTS);
        this.labels = new EdgeLabels(canvas);
        this.legend = new TopicLegend(canvas);
        speed.addListener((o, old, next) -> currentSpeed = next == null ? AnimationSpeed.NORMAL : next);
    }

    /**
     * Follows a run's flows from now on (a run attached before is detached first). On the FX thread.
     *
     * @param elements the run's element of a connection, {@code TopologyRunner::element} (called on the pump thread)
     * @param topology what runs (the canvas shows it)
     */
    public void attach(FlowSource flows, BiFunction<String, String, RunElement> elements, Topology topology) {
        detach();
        DotScheduler scheduler = new DotScheduler(new HopEdges(topology, elements), DotScheduler.CAP_PER_SECOND,
                DotScheduler.MAX_DOTS);
        dots.start();
        pump = new FlowDotPump(flows.reader(BACKLOG), scheduler, () -> currentSpeed, Platform::runLater, this::show,
                BACKLOG, DotScheduler.MAX_DOTS).start();
    }

    /** Stops following the run and clears the dots, labels, busy marks and legend. On the FX thread. */
    public void detach() {
        if (pump != null) {
            pump.close();
            pump = null;
        }
        dots.clear();
        labels.clear();
        legend.clear();
    }

    private void show(FlowFrame frame) {
        if (pump == null) {
            return; // a frame handed over as the run was detached
        }
        dots.add(frame.dots());
        labels.show(frame.edges());
        legend.show(frame.legend());
    }

    /** The dots' speed (the Run menu's choice). */
    public ObjectProperty<AnimationSpeed> speedProperty() {
        return speed;
    }

    /**
     * "Message dots ▸ Off / Slow / Normal / Fast" for the Run menu (in the menu rather than the run toolbar, whose
     * last item, the run's summary line, needs the room on a 1280-pixel screen).
     */
    public Menu speedMenu() {
        Menu menu = new Menu("Message dots");
        menu.setId("menu-dots");
        ToggleGroup speeds = new ToggleGroup();
        for (AnimationSpeed choice : AnimationSpeed.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.toString());
            item.setId("menu-dots-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(speeds);
            item.setSelected(speed.get() == choice);
            item.setOnAction(e -> speed.set(choice));
            speed.addListener((o, old, next) -> item.setSelected(next == choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** What an edge's label shows now (rate, last payload, busy, hops and dots counted). */
    public Optional<EdgeState> edge(String edgeId) {
        return labels.state(edgeId);
    }

    /** Every edge's label state, by edge id. */
    public Map<String, EdgeState> edges() {
        return labels.states();
    }

    /** The legend's topics in colour order ("other topics" last when shown). */
    public List<String> legendTopics() {
        return legend.entries().stream().map(TopicColors.LegendEntry::topic).toList();
    }

    /** What was drawn: dots started, on screen now, the most at once, the most on one edge within a second. */
    public DrawnDots drawn() {
        return new DrawnDots(dots.started(), dots.shownNow(), dots.maxShown(), dots.maxPerEdgeSecond(),
                pump == null ? 0 : pump.lostCount());
    }

    /**
     * @param lostFlows flow events the pump's reader lost by falling behind (its backlog)
     */
    public record DrawnDots(long started, long shownNow, int maxShown, int maxPerEdgeSecond, long lostFlows) {
        /** The most dots drawn on one edge within one second: {@value DotScheduler#CAP_PER_SECOND}. */
        public static final int CAP_PER_EDGE_SECOND = DotScheduler.CAP_PER_SECOND;
        /** The most dots in flight at once. */
        public static final int MAX_DOTS = DotScheduler.MAX_DOTS;
    }
}

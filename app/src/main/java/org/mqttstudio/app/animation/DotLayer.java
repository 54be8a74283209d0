package org.mqttstudio.app.animation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import org.mqttstudio.app.canvas.EdgeView;
import org.mqttstudio.app.canvas.TopologyCanvas;

/**
 * The dots, in a group of the canvas's decoration layer (so they pan and zoom with the diagram): a fixed pool of
 * circles, made as first needed and reused, never one node per message; an {@link AnimationTimer} moves each dot
 * along its edge's drawn path every frame and returns it to the pool when it arrives. A dot whose edge is not on
 * the canvas is dropped. Also counts what it drew, for the bench and the tests: dots started, the most on screen at
 * once, and the most that started on one edge within one second.
 */
final class DotLayer {
    private static final long SECOND = 1_000_000_000L;
    private static final double DOT_RADIUS = 7;

    /** A circle of the pool and the dot it shows, if any. */
    private static final class Slot {
        final Circle circle = new Circle(DOT_RADIUS);
        Dot dot;
        EdgeView view;
        boolean shown;
    }

    private final TopologyCanvas canvas;
    private final int poolSize;
    private final Group group = new Group();
    private final List<Slot> active = new ArrayList<>();
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final Map<String, TreeSet<Long>> recentStarts = new HashMap<>();
    private int made;
    private long started;
    private int maxShown;
    private int maxPerEdgeSecond;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long pulse) {
            move(System.nanoTime());
        }
    };

    DotLayer(TopologyCanvas canvas, int poolSize) {
        this.canvas = canvas;
        this.poolSize = poolSize;
        group.getStyleClass().add("flow-dots");
        group.setMouseTransparent(true);
    }

    void start() {
        if (!canvas.decorationLayer().getChildren().contains(group)) {
            canvas.decorationLayer().getChildren().add(group);
        }
        started = 0;
        maxShown = 0;
        maxPerEdgeSecond = 0;
        timer.start();
    }

    /** Stops the timer and hides every dot; the pool is kept for the next run. */
    void clear() {
        timer.stop();
        active.forEach(this::release);
        active.clear();
        recentStarts.clear();
        canvas.decorationLayer().getChildren().remove(group);
    }

    void add(List<Dot> dots) {
        for (Dot dot : dots) {
            Optional<EdgeView> view = edgeView(dot.edge());
            if (view.isEmpty()) {
                continue;
            }
            Slot slot = free.poll();
            if (slot == null) {
                if (made == poolSize) {
                    continue; // the scheduler keeps within the pool; a late frame's surplus is not drawn
                }
                slot = new Slot();
                slot.circle.getStyleClass().add("flow-dot");
                slot.circle.setVisible(false);
                group.getChildren().add(slot.circle);
                made++;
            }
            slot.dot = dot;
            slot.view = view.get();
            slot.shown = false;
            slot.circle.getStyleClass().setAll("flow-dot", dot.colourClass());
            active.add(slot);
        }
    }

    private Optional<EdgeView> edgeView(EdgeHop edge) {
        return edge.bridge() ? canvas.bridgeView(edge.edgeId()).map(v -> v)
                : canvas.clientLinkView(edge.edgeId()).map(v -> v);
    }

    private void move(long now) {
        int shown = 0;
        for (int i = active.size() - 1; i >= 0; i--) {
            Slot slot = active.get(i);
            Dot dot = slot.dot;
            double t = (now - dot.startNanos()) / (double) dot.durationNanos();
            if (t >= 1 || slot.view.getParent() == null) { // arrived, or its edge was deleted meanwhile
                release(slot);
                int last = active.size() - 1;
                active.set(i, active.get(last)); // order does not matter: swap out in O(1)
                active.remove(last);
                continue;
            }
            if (t < 0) {
                continue;
            }
            if (!slot.shown) {
                slot.shown = true;
                slot.circle.setVisible(true);
                started++;
                countStart(dot);
            }
            Point2D at = slot.view.pathPoint(dot.edge().forward() ? t : 1 - t);
            slot.circle.setCenterX(at.getX());
            slot.circle.setCenterY(at.getY());
            shown++;
        }
        maxShown = Math.max(maxShown, shown);
    }

    /** Counts a start on its edge: the most starts in any second around it, in whatever order they show. */
    private void countStart(Dot dot) {
        TreeSet<Long> starts = recentStarts.computeIfAbsent(dot.edge().edgeId(), id -> new TreeSet<>());
        long start = dot.startNanos();
        starts.add(start);
        starts.headSet(starts.last() - 2 * SECOND).clear();
        int before = starts.subSet(start - SECOND, false, start, true).size();
        int after = starts.subSet(start, true, start + SECOND, false).size();
        maxPerEdgeSecond = Math.max(maxPerEdgeSecond, Math.max(before, after));
    }

    private void release(Slot slot) {
        slot.circle.setVisible(false);
        slot.dot = null;
        slot.view = null;
        free.push(slot);
    }

    /** Dots that became visible since the run began. */
    long started() {
        return started;
    }

    /** Dots on screen now (moving, not waiting for their start). */
    long shownNow() {
        return active.stream().filter(s -> s.shown).count();
    }

    /** The most dots on screen in one frame. */
    int maxShown() {
        return maxShown;
    }

    /** The most dots that started on one edge within one second. */
    int maxPerEdgeSecond() {
        return maxPerEdgeSecond;
    }
}

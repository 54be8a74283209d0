package org.mqttstudio.app.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import org.mqttstudio.app.canvas.BridgeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * The {@link FaultState} drawn on the canvas: a cut bridge or client link gets {@value #CUT} (dashed red in the
 * sheet), a stopped broker {@value #USER_STOPPED} and every bridge, client link and status chip that depends on it
 * {@value #BROKER_DOWN} (grey rather than the red of a failure: the user did it), and a cut or delayed link a
 * marker near its start ("cut", "+500 ms": the chip's reconnect news does not say why; the middle of an edge is
 * the animation's per-edge label). The run's status chips
 * (StatusDecorations) still say "disconnected", so nothing hides what the runtime reports.
 */
final class FaultStyles {
    static final String CUT = "run-cut";
    static final String USER_STOPPED = "run-user-stopped";
    static final String BROKER_DOWN = "run-broker-down";
    static final String CUT_MARKER = "run-fault-cut";
    private static final List<String> CLASSES = List.of(CUT, USER_STOPPED, BROKER_DOWN);
    /** Where along its link (from the link's start) a link's marker sits. */
    private static final double MARKER_AT = 0.22;

    /** A link's marker and the listener that keeps it on its link. */
    private record Marker(Label label, Node edge, InvalidationListener follow) {
    }

    private final TopologyCanvas canvas;
    private final FaultState state;
    private final Supplier<Topology> running;
    private final Map<Node, Set<String>> styled = new HashMap<>();
    private final Map<String, Marker> markers = new HashMap<>();

    FaultStyles(TopologyCanvas canvas, FaultState state, Supplier<Topology> running) {
        this.canvas = canvas;
        this.state = state;
        this.running = running;
        SetChangeListener<String> setChanged = change -> refresh();
        state.cut().addListener(setChanged);
        state.stopped().addListener(setChanged);
        state.latency().addListener((MapChangeListener<String, Duration>) change -> refresh());
    }

    /** "+500 ms". */
    static String latencyText(Duration latency) {
        return "+" + latency.toMillis() + " ms";
    }

    private void refresh() {
        Topology t = Optional.ofNullable(running.get()).orElse(Topology.empty());
        Map<Node, Set<String>> wanted = new HashMap<>();
        state.cut().forEach(id -> edge(id).ifPresent(edge -> want(wanted, edge, CUT)));
        for (String broker : state.stopped()) {
            canvas.nodeView(broker).ifPresent(view -> want(wanted, view, USER_STOPPED));
            for (String dependent : dependents(t, broker)) {
                edge(dependent).ifPresent(edge -> want(wanted, edge, BROKER_DOWN));
                chip(dependent).ifPresent(chip -> want(wanted, chip, BROKER_DOWN));
            }
        }
        styled.forEach((node, classes) -> {
            if (!wanted.containsKey(node)) {
                node.getStyleClass().removeAll(classes);
            }
        });
        wanted.forEach((node, classes) -> {
            node.getStyleClass().removeIf(c -> CLASSES.contains(c) && !classes.contains(c));
            classes.stream().filter(c -> !node.getStyleClass().contains(c)).forEach(node.getStyleClass()::add);
        });
        styled.clear();
        styled.putAll(wanted);
        showMarkers();
    }

    /** A marker on every link that is cut or delayed: "cut", "+500 ms" or both. */
    private void showMarkers() {
        Set<String> marked = new HashSet<>(state.cut());
        marked.addAll(state.latency().keySet());
        markers.keySet().removeIf(id -> {
            Marker m = markers.get(id);
            if (marked.contains(id) && edge(id).orElse(null) == m.edge()) {
                return false;
            }
            m.edge().boundsInParentProperty().removeListener(m.follow());
            canvas.decorationLayer().getChildren().remove(m.label());
            return true;
        });
        marked.forEach(id -> edge(id).ifPresent(edge -> {
            Marker m = markers.computeIfAbsent(id, key -> {
                Label label = new Label();
                label.setId("run-fault-" + id);
                label.getStyleClass().add("run-fault-marker");
                Marker made = new Marker(label, edge, o -> place(label, edge));
                edge.boundsInParentProperty().addListener(made.follow());
                label.widthProperty().addListener(made.follow());
                canvas.decorationLayer().getChildren().add(label);
                return made;
            });
            boolean cutNow = state.cut().contains(id);
            Duration latency = state.latency().get(id);
            m.label().setText(String.join(" · ", Stream.of(cutNow ? "cut" : null,
                    latency == null ? null : latencyText(latency)).filter(Objects::nonNull).toList()));
            m.label().getStyleClass().remove(CUT_MARKER);
            if (cutNow) {
                m.label().getStyleClass().add(CUT_MARKER);
            }
            place(m.label(), edge);
        }));
    }

    /** Centres the marker on its link, {@link #MARKER_AT} of the way from the link's start. */
    private static void place(Label label, Node edge) {
        label.autosize();
        Point2D at = edge instanceof BridgeView bridge ? bridge.pathPoint(MARKER_AT)
                : Optional.ofNullable((Line) edge.lookup(".client-link-line")).map(line -> new Point2D(
                        line.getStartX() + MARKER_AT * (line.getEndX() - line.getStartX()),
                        line.getStartY() + MARKER_AT * (line.getEndY() - line.getStartY())))
                        .orElse(Point2D.ZERO);
        Point2D p = edge.localToParent(at);
        label.relocate(p.getX() - label.getWidth() / 2, p.getY() - label.getHeight() / 2);
    }

    /** The drawn link of a bridge or client. */
    private Optional<Node> edge(String id) {
        return canvas.bridgeView(id).<Node>map(v -> v).or(() -> canvas.clientLinkView(id).map(v -> v));
    }

    /** A run element's status chip (StatusDecorations' id), once it has one. */
    private Optional<Node> chip(String id) {
        return Optional.ofNullable(canvas.decorationLayer().lookup("#run-chip-" + id));
    }

    /** The bridges from or to a broker and its clients: what lose it when it stops. */
    private static Set<String> dependents(Topology t, String broker) {
        Set<String> ids = new HashSet<>();
        t.bridges().stream().filter(b -> b.from().equals(broker) || b.to().equals(broker)).map(Bridge::id)
                .forEach(ids::add);
        t.publishers().stream().filter(p -> p.broker().equals(broker)).map(Publisher::id).forEach(ids::add);
        t.subscribers().stream().filter(s -> s.broker().equals(broker)).map(Subscriber::id).forEach(ids::add);
        return ids;
    }

    private static void want(Map<Node, Set<String>> wanted, Node node, String styleClass) {
        wanted.computeIfAbsent(node, n -> new HashSet<>()).add(styleClass);
    }
}

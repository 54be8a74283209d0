package org.mqttstudio.app.run;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.mqttstudio.app.canvas.BridgeView;
import org.mqttstudio.app.canvas.NodeView;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/**
 * A run's state drawn on the canvas, in the canvas's decoration layer: a chip under each running element (broker
 * running / failed / stopped, bridge connected / disconnected, client connected, a subscriber's received count), the
 * element's view styled {@code run-running}, {@code run-failed}, ... and the status line as its tooltip. The canvas keeps
 * no run state; this class owns it and clears it when the run is over.
 */
public final class StatusDecorations {
    private static final double CHIP_GAP = 4;

    /** One element's decoration. */
    private static final class Mark {
        final Label chip = new Label();
        final Tooltip tooltip = new Tooltip();
        Node view;
        String styleClass;
        NodeStatus status;
        long received = -1;
    }

    private final TopologyCanvas canvas;
    private final Map<String, Mark> marks = new HashMap<>();
    private Topology topology = Topology.empty();

    public StatusDecorations(TopologyCanvas canvas) {
        this.canvas = canvas;
    }

    /** A new run of {@code runTopology}: forgets the last one. */
    public void begin(Topology runTopology) {
        clear();
        topology = runTopology;
    }

    /** Applies status changes and the subscribers' received counts. */
    public void apply(List<NodeStatus> statuses, Map<String, Long> received) {
        for (NodeStatus status : statuses) {
            mark(status.elementId()).ifPresent(m -> {
                m.status = status;
                show(status.elementId(), m);
            });
        }
        received.forEach((subscriberId, count) -> mark(subscriberId).ifPresent(m -> {
            if (m.received != count) {
                m.received = count;
                show(subscriberId, m);
            }
        }));
    }

    /** The chip's text under an element, empty when it has none. */
    public String chipText(String elementId) {
        Mark m = marks.get(elementId);
        return m == null ? "" : m.chip.getText();
    }

    /** Removes every chip, style and tooltip. */
    public void clear() {
        marks.values().forEach(m -> {
            canvas.decorationLayer().getChildren().remove(m.chip);
            if (m.view != null) {
                m.view.getStyleClass().remove(m.styleClass);
                Tooltip.uninstall(m.view, m.tooltip);
            }
        });
        marks.clear();
    }

    private Optional<Mark> mark(String elementId) {
        Mark existing = marks.get(elementId);
        if (existing != null) {
            return Optional.of(existing);
        }
        Optional<Node> view = canvas.nodeView(elementId).<Node>map(v -> v)
                .or(() -> canvas.bridgeView(elementId).map(v -> v));
        if (view.isEmpty()) {
            return Optional.empty();
        }
        Mark m = new Mark();
        m.view = view.get();
        m.chip.getStyleClass().add("run-chip");
        m.chip.setId("run-chip-" + elementId);
        canvas.decorationLayer().getChildren().add(m.chip);
        Tooltip.install(m.view, m.tooltip);
        m.view.boundsInParentProperty().addListener(o -> place(m));
        m.chip.widthProperty().addListener(o -> place(m));
        marks.put(elementId, m);
        return Optional.of(m);
    }

    private void show(String elementId, Mark m) {
        NodeStatus.State state = m.status == null ? NodeStatus.State.STARTING : m.status.state();
        boolean bridge = m.view instanceof BridgeView;
        String word = switch (state) {
            case STARTING -> bridge ? "connecting…" : "starting…";
            case RUNNING -> m.view instanceof NodeView<?> v && v.model() instanceof Broker ? "running" : "connected";
            case FAILED -> bridge ? "disconnected" : "failed";
            case STOPPED -> "stopped";
        };
        String text = word;
        if (state == NodeStatus.State.FAILED && m.status != null && !m.status.message().isEmpty()) {
            text += ": " + m.status.message();
        }
        if (m.received >= 0) {
            text += String.format(" · %,d received", m.received);
        }
        m.chip.setText(text);
        String styleClass = "run-" + state.name().toLowerCase(Locale.ROOT);
        m.chip.getStyleClass().removeIf(c -> c.startsWith("run-chip-"));
        m.chip.getStyleClass().add("run-chip-" + state.name().toLowerCase(Locale.ROOT));
        if (!styleClass.equals(m.styleClass)) {
            m.view.getStyleClass().remove(m.styleClass);
            m.view.getStyleClass().add(styleClass);
            m.styleClass = styleClass;
        }
        m.tooltip.setText(topology.nameOf(elementId) + ": " + word
                + (m.status == null || m.status.message().isEmpty() ? "" : " — " + m.status.message()));
        place(m);
    }

    /** Under a node's box; under a bridge's label (or the middle of the bridge). */
    private static void place(Mark m) {
        m.chip.autosize();
        if (m.view instanceof NodeView<?> v) {
            Bounds box = v.box();
            m.chip.relocate(box.getMinX(), box.getMaxY() + CHIP_GAP);
            return;
        }
        Node label = m.view.lookup(".bridge-label");
        Bounds b = label == null ? m.view.getBoundsInParent() : m.view.localToParent(label.getBoundsInParent());
        m.chip.relocate(b.getCenterX() - m.chip.getWidth() / 2,
                label == null ? b.getCenterY() + CHIP_GAP : b.getMaxY() + CHIP_GAP / 2);
    }
}

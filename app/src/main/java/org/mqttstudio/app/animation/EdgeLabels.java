package org.mqttstudio.app.animation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import org.mqttstudio.app.canvas.BridgeView;
import org.mqttstudio.app.canvas.EdgeView;
import org.mqttstudio.app.canvas.TopologyCanvas;

/**
 * Each edge's rate and last payload as a small label at its middle (under a bridge's own label, which sits there),
 * in the canvas's decoration layer; an edge carrying more than the dots drawn for it gets the {@code flow-busy}
 * style class (drawn thicker and glowing) and its label too. One label per edge that carried a message, made once
 * and updated in place; {@link #clear} removes them all and every busy mark.
 */
final class EdgeLabels {
    static final String BUSY = "flow-busy";
    private static final String STYLE = "flow-rate";
    private static final double GAP = 3;
    private static final double SLIDE = 6;
    private static final int SLIDE_STEPS = 30;

    /** One edge's label and the view it is placed on. */
    private final class Tag {
        final Label label = new Label();
        final EdgeView view;
        final InvalidationListener replace = o -> place(this);
        EdgeState state;

        Tag(EdgeView view) {
            this.view = view;
        }
    }

    private final TopologyCanvas canvas;
    private final Map<String, Tag> tags = new HashMap<>();

    EdgeLabels(TopologyCanvas canvas) {
        this.canvas = canvas;
    }

    void show(List<EdgeState> states) {
        for (EdgeState state : states) {
            Tag tag = tags.get(state.edgeId());
            if (tag != null && tag.view.getParent() == null) { // the edge was deleted (or redrawn) while running
                forget(tag);
                tags.remove(state.edgeId());
                tag = null;
            }
            if (tag == null) {
                Optional<Tag> made = make(state);
                if (made.isEmpty()) {
                    continue;
                }
                tag = made.get();
            }
            EdgeState old = tag.state;
            tag.state = state;
            tag.label.setText(state.label());
            if (old == null || old.busy() != state.busy()) {
                mark(tag.view, state.busy());
                mark(tag.label, state.busy());
            }
        }
    }

    /** The latest state shown for an edge. */
    Optional<EdgeState> state(String edgeId) {
        return Optional.ofNullable(tags.get(edgeId)).map(t -> t.state);
    }

    /** What the labels show now, by edge id. */
    Map<String, EdgeState> states() {
        Map<String, EdgeState> states = new HashMap<>();
        tags.forEach((id, tag) -> states.put(id, tag.state));
        return Map.copyOf(states);
    }

    /** The label of an edge, if it carried a message. */
    Optional<Label> label(String edgeId) {
        return Optional.ofNullable(tags.get(edgeId)).map(t -> t.label);
    }

    void clear() {
        tags.values().forEach(this::forget);
        tags.clear();
    }

    private void forget(Tag tag) {
        canvas.decorationLayer().getChildren().remove(tag.label);
        tag.view.getStyleClass().remove(BUSY);
        tag.view.boundsInParentProperty().removeListener(tag.replace);
    }

    private Optional<Tag> make(EdgeState state) {
        Optional<EdgeView> view = state.bridge() ? canvas.bridgeView(state.edgeId()).map(v -> v)
                : canvas.clientLinkView(state.edgeId()).map(v -> v);
        return view.map(v -> {
            Tag tag = new Tag(v);
            tag.label.getStyleClass().add(STYLE);
            tag.label.setId("flow-rate-" + state.edgeId());
            tag.label.setMouseTransparent(true);
            canvas.decorationLayer().getChildren().add(tag.label);
            v.boundsInParentProperty().addListener(tag.replace);
            tag.label.widthProperty().addListener(tag.replace);
            tag.label.heightProperty().addListener(tag.replace);
            tags.put(state.edgeId(), tag);
            return tag;
        });
    }

    /**
     * Centred on the edge's middle: just under a bridge's own label (which sits there), just above a client's link;
     * moved further off the line, above first, while it would cover a node, a bridge's label or another decoration
     * (a short link between two boxes, a status chip).
     */
    private void place(Tag tag) {
        Point2D mid = tag.view.pathPoint(0.5);
        double width = tag.label.getWidth();
        double height = tag.label.getHeight();
        Optional<Bounds> bridgeLabel = tag.view instanceof BridgeView b ? b.labelBox() : Optional.empty();
        double x = bridgeLabel.map(Bounds::getCenterX).orElse(mid.getX()) - width / 2;
        double y = bridgeLabel.map(box -> box.getMaxY() + GAP).orElse(mid.getY() - height - GAP);
        List<Bounds> obstacles = new ArrayList<>();
        canvas.nodeViews().forEach(v -> obstacles.add(v.box()));
        // and the others' decorations (a run's status chips, fault marks), not this animation's labels and dots
        canvas.decorationLayer().getChildren().stream()
                .filter(n -> n.isVisible() && n.getStyleClass().stream().noneMatch(c -> c.startsWith("flow-")))
                .forEach(n -> obstacles.add(n.getBoundsInParent()));
        canvas.topology().bridges().forEach(b -> canvas.bridgeView(b.id()).flatMap(BridgeView::labelBox)
                .ifPresent(obstacles::add));
        for (int step = 0; step <= SLIDE_STEPS; step++) {
            for (int side : step == 0 ? new int[] {0} : new int[] {-1, 1}) {
                BoundingBox candidate = new BoundingBox(x, y + side * step * SLIDE, width, height);
                if (obstacles.stream().noneMatch(candidate::intersects)) {
                    tag.label.relocate(candidate.getMinX(), candidate.getMinY());
                    return;
                }
            }
        }
        tag.label.relocate(x, y);
    }

    private static void mark(javafx.scene.Node node, boolean busy) {
        if (busy && !node.getStyleClass().contains(BUSY)) {
            node.getStyleClass().add(BUSY);
        } else if (!busy) {
            node.getStyleClass().remove(BUSY);
        }
    }
}

package org.mqttstudio.app.animation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.InvalidationListener;
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
    private static final double GAP = 3;

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
        tags.values().forEach(tag -> {
            canvas.decorationLayer().getChildren().remove(tag.label);
            tag.view.getStyleClass().remove(BUSY);
            tag.view.boundsInParentProperty().removeListener(tag.replace);
        });
        tags.clear();
    }

    private Optional<Tag> make(EdgeState state) {
        Optional<EdgeView> view = state.bridge() ? canvas.bridgeView(state.edgeId()).map(v -> v)
                : canvas.clientLinkView(state.edgeId()).map(v -> v);
        return view.map(v -> {
            Tag tag = new Tag(v);
            tag.label.getStyleClass().add("flow-rate");
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

    /** Centred on the edge's middle, just under the bridge's label (or just above a client's link). */
    private void place(Tag tag) {
        Point2D mid = tag.view.pathPoint(0.5);
        double width = tag.label.getWidth();
        double height = tag.label.getHeight();
        Optional<Bounds> bridgeLabel = tag.view instanceof BridgeView b ? b.labelBox() : Optional.empty();
        double y = bridgeLabel.map(box -> box.getMaxY() + GAP).orElse(mid.getY() - height - GAP);
        double x = bridgeLabel.map(Bounds::getCenterX).orElse(mid.getX()) - width / 2;
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

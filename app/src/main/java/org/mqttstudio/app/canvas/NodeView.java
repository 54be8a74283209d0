package org.mqttstudio.app.canvas;

import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;

/**
 * The box drawn for one topology node, placed with its top left corner at the node's position.
 * A view lives as long as its element id does: {@link #update} redraws it for a changed model,
 * so that edges and (later) selection stay attached to the same JavaFX node. Its CSS id is the
 * element id; its style classes are {@code node-view} and one per kind.
 *
 * @param <T> the kind of node shown; a node whose kind changes gets a new view
 */
public abstract sealed class NodeView<T extends Node> extends VBox
        permits BrokerView, ExternalBrokerView, PublisherView, SubscriberView {

    private static final int MAX_TEXT = 32;
    private static final double HANDLE_RADIUS = 6;

    private final Class<T> kind;
    private final String elementId;
    private final Label kindLabel;
    private final Label title = label("node-title");
    private final Badge badge = new Badge(this);
    private final Circle handle = new Circle(HANDLE_RADIUS);
    private T model;

    protected NodeView(Class<T> kind, String styleClass, String kindText, T model) {
        this.kind = kind;
        this.elementId = model.id();
        this.kindLabel = label("node-kind", kindText);
        setId(elementId);
        getStyleClass().addAll("node-view", styleClass);
        // The handle sits on the right border, outside the layout, and starts connection drags.
        handle.getStyleClass().add("connect-handle");
        handle.setId("handle-" + elementId);
        handle.setManaged(false);
        handle.centerXProperty().bind(widthProperty());
        handle.centerYProperty().bind(heightProperty().divide(2));
        update(model);
    }

    /** The view for a node of any kind. */
    public static NodeView<?> of(Node node) {
        if (node instanceof Broker b) {
            return new BrokerView(b);
        }
        if (node instanceof ExternalBroker e) {
            return new ExternalBrokerView(e);
        }
        if (node instanceof Publisher p) {
            return new PublisherView(p);
        }
        return new SubscriberView((Subscriber) node);
    }

    public String elementId() {
        return elementId;
    }

    public T model() {
        return model;
    }

    /** The size of the name's font at 100 %, as the style sheet sets it. */
    public double titleFontSize() {
        title.applyCss();
        return title.getFont().getSize();
    }

    /** The box on the canvas, without shadows or other effects: where edges start and end. */
    public Bounds box() {
        Bounds local = getLayoutBounds();
        return new BoundingBox(getLayoutX() + local.getMinX(), getLayoutY() + local.getMinY(), local.getWidth(),
                local.getHeight());
    }

    /** What {@link #box()} depends on, for edges that follow the box. */
    List<Observable> boxChanges() {
        return List.of(layoutXProperty(), layoutYProperty(), layoutBoundsProperty());
    }

    /** Whether this view can show {@code node} (same kind); otherwise the canvas replaces it. */
    public boolean canShow(Node node) {
        return kind.isInstance(node) && node.id().equals(elementId);
    }

    /** Moves and redraws the box for the new state of its node. */
    public final void update(Node node) {
        if (!canShow(node)) {
            throw new IllegalArgumentException("view of '" + elementId + "' cannot show " + node);
        }
        model = kind.cast(node);
        relocate(model.position().x(), model.position().y());
        title.setText(model.name());
        getChildren().setAll(kindLabel, title);
        getChildren().addAll(details(model));
        getChildren().add(badge);
        if (connectable()) {
            getChildren().add(handle);
        }
    }

    /** Whether connections can start here (brokers: bridges; clients: attaching); the handle shows then. */
    protected boolean connectable() {
        return true;
    }

    /** The handle that starts a connection drag, if this kind has one. */
    public Optional<Circle> handle() {
        return connectable() ? Optional.of(handle) : Optional.empty();
    }

    public Badge badge() {
        return badge;
    }

    /** The lines under the title. */
    protected abstract List<Label> details(T node);

    protected static Label label(String styleClass, String text) {
        Label label = label(styleClass);
        label.setText(text);
        return label;
    }

    /** A one-line text, shortened with an ellipsis so that boxes stay narrow. */
    protected static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }
}

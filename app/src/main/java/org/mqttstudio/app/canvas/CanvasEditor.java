package org.mqttstudio.app.canvas;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Circle;

import org.mqttstudio.app.edit.AddElements;
import org.mqttstudio.app.edit.AttachClient;
import org.mqttstudio.app.edit.DeleteElements;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.edit.Fragment;
import org.mqttstudio.app.edit.MoveNodes;
import org.mqttstudio.app.edit.NewElements;
import org.mqttstudio.app.edit.NodeKind;
import org.mqttstudio.app.palette.Palette;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;

/**
 * The canvas's editing gestures, turned into {@link Document} edits: select (click, Shift-click,
 * rubber band), move (one undo step per drag, snapped to the grid), connect (drag from a handle),
 * create (palette drops), delete, copy and paste. The canvas follows the document: every new
 * topology and selection is shown there.
 */
public final class CanvasEditor implements Palette.DropTarget {
    public static final double GRID = 20;
    private static final double PASTE_OFFSET = 40;
    /** Where a drop point lands in a new node's box: about its centre. */
    private static final Point2D DROP_ANCHOR = new Point2D(80, 40);
    private static final double CLIENT_GAP = 60;

    private enum Gesture { NONE, MOVE, CONNECT, RUBBER_BAND }

    private final TopologyCanvas canvas;
    private final Document document;
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ContextMenus contextMenus = new ContextMenus();
    private ContextMenu openMenu;
    private Fragment clipboard = new Fragment(List.of(), List.of());
    private int pastes;
    private Gesture gesture = Gesture.NONE;
    private Point2D pressed;
    private Map<String, Position> moveStart = Map.of();
    private Map<String, Position> moveNow = Map.of();
    private NodeView<?> connectFrom;
    private Set<String> selectionAtPress = Set.of();

    public CanvasEditor(TopologyCanvas canvas, Document document) {
        this.canvas = canvas;
        this.document = document;
        canvas.show(document.topology());
        document.topologyProperty().addListener((o, old, t) -> canvas.show(t));
        document.selectionProperty().addListener((o, old, ids) -> showSelection(ids));
        // A message is about the gesture just made; the next edit or selection makes it stale.
        document.topologyProperty().addListener((o, old, t) -> message.set(""));
        document.selectionProperty().addListener((o, old, ids) -> message.set(""));
        showSelection(document.selection());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        // The mouse's right button opens the menu on press (as GTK does, and on every platform alike); the
        // keyboard's menu key arrives as a context menu event.
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                openContextMenu(e.getPickResult().getIntersectedNode(), e.getX(), e.getY(), e.getScreenX(),
                        e.getScreenY());
            }
            e.consume();
        });
    }

    /** The right-click menus; add sections to offer more actions on nodes, bridges or the canvas. */
    public ContextMenus contextMenus() {
        return contextMenus;
    }

    /** Whether moves and drops snap to a {@value #GRID}-px grid (on by default). */
    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** The last thing the editor wants the user to know (e.g. why a drop was refused). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Creates a node of {@code kind} at a diagram point. A client attaches to the broker it is dropped
     * on, else the nearest one; with no broker at all it is refused, with a message. Returns whether a
     * node was created; it is selected.
     */
    public boolean create(NodeKind kind, Point2D point) {
        Topology t = document.topology();
        Position at = snap(point.subtract(DROP_ANCHOR));
        Optional<String> broker = Optional.empty();
        if (kind.isClient()) {
            Optional<NodeView<?>> under = canvas.nodeViewAt(point).filter(CanvasEditor::isBrokerLike);
            broker = under.or(() -> nearestBroker(point)).map(NodeView::elementId);
            if (broker.isEmpty()) {
                message.set("Add a broker first: every " + kind.text().toLowerCase() + " connects to one.");
                return false;
            }
            if (under.isPresent()) {
                Bounds box = under.get().box();
                at = snap(new Point2D(box.getMinX(), box.getMaxY() + CLIENT_GAP));
            }
        }
        Node node = kind.create(t, broker, at);
        document.execute(AddElements.node(node));
        document.select(Set.of(node.id()));
        message.set("Added " + node.name() + broker.map(b -> ", connected to " + t.nameOf(b)).orElse(""));
        return true;
    }

    /** Outlines where a palette item dragged over the canvas would land. */
    @Override
    public void hover(NodeKind kind, double sceneX, double sceneY) {
        Optional<Point2D> point = canvasPoint(sceneX, sceneY);
        canvas.showDropOutline(point.map(p -> {
            Position at = snap(p.subtract(DROP_ANCHOR));
            return new BoundingBox(at.x(), at.y(), 2 * DROP_ANCHOR.getX(), 2 * DROP_ANCHOR.getY());
        }).orElse(null));
    }

    /** A palette drop at a scene point: creates the node there if the point is on the canvas. */
    @Override
    public void drop(NodeKind kind, double sceneX, double sceneY) {
        canvas.showDropOutline(null);
        canvasPoint(sceneX, sceneY).ifPresent(p -> create(kind, p));
    }

    /** The diagram point under a scene point, if that is on the canvas. */
    private Optional<Point2D> canvasPoint(double sceneX, double sceneY) {
        Point2D local = canvas.sceneToLocal(sceneX, sceneY);
        if (local == null || !canvas.getLayoutBounds().contains(local)) {
            return Optional.empty();
        }
        return Optional.of(canvas.toWorld(local.getX(), local.getY()));
    }

    public void deleteSelection() {
        if (!document.selection().isEmpty()) {
            document.execute(new DeleteElements(document.selection()));
        }
    }

    public void copySelection() {
        clipboard = Fragment.copy(document.topology(), document.selection());
        pastes = 0;
    }

    /** Whether something was copied that {@link #paste()} would add. */
    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Pastes what was copied, a little further down-right each time; the pasted elements get selected. */
    public void paste() {
        if (clipboard.isEmpty()) {
            return;
        }
        pastes++;
        AddElements edit = clipboard.pasteInto(document.topology(), pastes * PASTE_OFFSET, pastes * PASTE_OFFSET);
        document.execute(edit);
        Set<String> pasted = new LinkedHashSet<>();
        edit.nodes().forEach(n -> pasted.add(n.id()));
        edit.bridges().forEach(b -> pasted.add(b.id()));
        document.select(pasted);
    }

    public void selectAll() {
        Topology t = document.topology();
        Set<String> all = new LinkedHashSet<>();
        t.nodes().forEach(n -> all.add(n.id()));
        t.bridges().forEach(b -> all.add(b.id()));
        document.select(all);
    }

    private void showSelection(Set<String> ids) {
        canvas.select(ids);
        canvas.traceRoutes(ids.size() == 1 ? ids.iterator().next() : null);
    }

    /**
     * Right-click on an element selects it first unless it is part of the selection already (so the
     * menu acts on what it names); on empty canvas the selection stays.
     */
    private void openContextMenu(javafx.scene.Node picked, double x, double y, double screenX, double screenY) {
        Object hit = hit(picked);
        Point2D point = canvas.toWorld(x, y);
        ContextMenus.Kind kind;
        String id;
        if (hit instanceof Circle handle) {
            hit = handle.getParent();
        }
        if (hit instanceof NodeView<?> view) {
            kind = ContextMenus.Kind.NODE;
            id = view.elementId();
        } else if (hit instanceof BridgeView bridge) {
            kind = ContextMenus.Kind.BRIDGE;
            id = bridge.getId();
        } else {
            kind = ContextMenus.Kind.CANVAS;
            id = null;
        }
        if (id != null && !document.selection().contains(id)) {
            document.select(Set.of(id));
        }
        if (openMenu != null) {
            openMenu.hide();
        }
        openMenu = contextMenus.menu(kind, new ContextMenus.Target(id, point));
        if (!openMenu.getItems().isEmpty()) {
            openMenu.show(canvas, screenX, screenY);
        }
    }

    private void press(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY) {
            openContextMenu(e.getPickResult().getIntersectedNode(), e.getX(), e.getY(), e.getScreenX(),
                    e.getScreenY());
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressed = canvas.toWorld(e.getX(), e.getY());
        selectionAtPress = document.selection();
        Object hit = hit(e.getPickResult().getIntersectedNode());
        if (hit instanceof Circle handle) {
            connectFrom = (NodeView<?>) handle.getParent();
            gesture = Gesture.CONNECT;
        } else if (hit instanceof NodeView<?> view) {
            pressOnElement(view.elementId(), e.isShiftDown());
            gesture = e.isShiftDown() ? Gesture.NONE : Gesture.MOVE;
            Topology t = document.topology();
            moveStart = document.selection().stream().flatMap(id -> t.node(id).stream())
                    .collect(Collectors.toMap(Node::id, Node::position));
            moveNow = moveStart;
        } else if (hit instanceof BridgeView bridge) {
            pressOnElement(bridge.getId(), e.isShiftDown());
            gesture = Gesture.NONE;
        } else {
            if (!e.isShiftDown()) {
                document.select(Set.of());
            }
            gesture = Gesture.RUBBER_BAND;
        }
        e.consume();
    }

    private void pressOnElement(String id, boolean shift) {
        Set<String> next = new LinkedHashSet<>(document.selection());
        if (shift) {
            if (!next.remove(id)) {
                next.add(id);
            }
            document.select(next);
        } else if (!next.contains(id)) {
            document.select(Set.of(id));
        }
    }

    private void drag(MouseEvent e) {
        if (gesture == Gesture.NONE || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D now = canvas.toWorld(e.getX(), e.getY());
        switch (gesture) {
            case MOVE -> {
                Point2D delta = now.subtract(pressed);
                Map<String, Position> next = new HashMap<>();
                moveStart.forEach((id, p) -> next.put(id, snap(new Point2D(p.x(), p.y()).add(delta))));
                moveNow = next;
                next.forEach((id, p) -> canvas.nodeView(id).ifPresent(v -> v.relocate(p.x(), p.y())));
            }
            case CONNECT -> {
                Bounds box = connectFrom.box();
                canvas.showConnectLine(new Point2D(box.getMaxX(), box.getCenterY()), now);
            }
            case RUBBER_BAND -> canvas.showRubberBand(rectangle(pressed, now));
            default -> { }
        }
        e.consume();
    }

    private void release(MouseEvent e) {
        if (gesture == Gesture.NONE || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D now = canvas.toWorld(e.getX(), e.getY());
        switch (gesture) {
            case MOVE -> {
                if (!moveNow.equals(moveStart)) {
                    document.execute(new MoveNodes(moveNow));
                }
            }
            case CONNECT -> {
                canvas.showConnectLine(null, null);
                connect(connectFrom, canvas.nodeViewAt(now));
            }
            case RUBBER_BAND -> {
                canvas.showRubberBand(null);
                Bounds area = rectangle(pressed, now);
                Set<String> next = new LinkedHashSet<>(e.isShiftDown() ? selectionAtPress : Set.of());
                canvas.nodeViews().stream().filter(v -> area.intersects(v.box())).forEach(v -> next.add(v.elementId()));
                document.select(next);
            }
            default -> { }
        }
        gesture = Gesture.NONE;
        e.consume();
    }

    /** A broker's drag makes a bridge to the broker it ends on; a client's attaches it there. */
    private void connect(NodeView<?> from, Optional<NodeView<?>> target) {
        Optional<NodeView<?>> to = target.filter(CanvasEditor::isBrokerLike).filter(v -> v != from);
        if (to.isEmpty()) {
            message.set("Drop the connection on a broker.");
            return;
        }
        String toId = to.get().elementId();
        if (from instanceof BrokerView) {
            Bridge bridge = NewElements.bridge(document.topology(), from.elementId(), toId);
            document.execute(AddElements.bridge(bridge));
            document.select(Set.of(bridge.id()));
            message.set("Added bridge " + bridge.name() + " (# out 0)");
        } else if (from instanceof PublisherView || from instanceof SubscriberView) {
            document.execute(new AttachClient(from.elementId(), toId));
            document.select(Set.of(from.elementId()));
        }
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && gesture != Gesture.NONE) {
            cancelGesture();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            deleteSelection();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            copySelection();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
            paste();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.A) {
            selectAll();
        } else {
            return;
        }
        e.consume();
    }

    /** Escape during a drag: moved views go back, nothing is edited. */
    private void cancelGesture() {
        Topology t = document.topology();
        moveStart.keySet().forEach(id -> t.node(id).ifPresent(n -> canvas.nodeView(id).ifPresent(v -> v.update(n))));
        moveNow = moveStart;
        canvas.showConnectLine(null, null);
        canvas.showRubberBand(null);
        gesture = Gesture.NONE;
    }

    /** The handle, node view or bridge view a picked node belongs to, or null for empty space. */
    private Object hit(javafx.scene.Node picked) {
        javafx.scene.Node n = picked;
        while (n != null && n != canvas) {
            if (n instanceof Circle c && c.getStyleClass().contains("connect-handle")) {
                return c;
            }
            if (n instanceof NodeView<?> || n instanceof BridgeView) {
                return n;
            }
            n = n.getParent();
        }
        return null;
    }

    private Optional<NodeView<?>> nearestBroker(Point2D point) {
        return canvas.nodeViews().stream().filter(CanvasEditor::isBrokerLike)
                .min(Comparator.comparingDouble(v -> point.distance(v.box().getCenterX(), v.box().getCenterY())));
    }

    private static boolean isBrokerLike(NodeView<?> view) {
        return view instanceof BrokerView || view instanceof ExternalBrokerView;
    }

    private Position snap(Point2D p) {
        if (!snapToGrid.get()) {
            return new Position(p.getX(), p.getY());
        }
        return new Position(Math.round(p.getX() / GRID) * GRID, Math.round(p.getY() / GRID) * GRID);
    }

    private static Bounds rectangle(Point2D a, Point2D b) {
        return new BoundingBox(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()));
    }
}

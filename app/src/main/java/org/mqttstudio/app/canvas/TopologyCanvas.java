package org.mqttstudio.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.routing.Loop;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Node;
import org.mqttstudio.topology.Topology;

/**
 * Draws a {@link Topology}: one view per element, kept by element id. {@link #show} reconciles the
 * views with a new topology (same id: the view is updated in place; new id: a view is added; gone
 * id: its view is removed), so an editor can replace the model on every edit and the canvas keeps
 * its views, their selection and badges. The middle button (or Space + drag) pans, the mouse wheel
 * zooms around the pointer, Shift + wheel scrolls. Editing gestures are {@link CanvasEditor}'s.
 */
public final class TopologyCanvas extends Region {
    private static final double MIN_ZOOM = 0.2;
    private static final double MAX_ZOOM = 4;
    /** Fitting never enlarges past this: a small diagram stays at a readable, not a huge, size. */
    private static final double MAX_FIT_ZOOM = 1.25;
    private static final double FIT_MARGIN = 24;
    /** The smallest height of a node's name that fitting on open allows, in screen pixels. */
    private static final double READABLE_NAME_PX = 12;
    private static final double ZOOM_STEP = 1.25;
    /** Distance between the apexes of neighbouring bridges joining the same two nodes. */
    private static final double LANE_GAP = 64;

    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");
    /** The checker's code for loops, reused for the loop badges added here. */
    private static final String LOOP_CODE = "bridge-loop";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ON_ROUTE = PseudoClass.getPseudoClass("on-route");

    private final Map<String, NodeView<?>> nodes = new LinkedHashMap<>();
    private final Map<String, BridgeView> bridges = new LinkedHashMap<>();
    private final Map<String, ClientLinkView> links = new LinkedHashMap<>();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Rectangle rubberBand = new Rectangle();
    private final Line connectLine = new Line();
    private final Group routeTags = new Group();
    private final Rectangle dropOutline = new Rectangle();
    private final Group overlay = new Group(routeTags, rubberBand, connectLine, dropOutline);
    /** Drawn over the nodes by others (a run's status chips), moved and zoomed with the diagram. */
    private final Group decorationLayer = new Group();
    private final Group world = new Group(edgeLayer, nodeLayer, decorationLayer, overlay);
    /** Drawn over the diagram by others in the canvas's own coordinates, neither moved nor zoomed (a legend). */
    private final Group screenLayer = new Group();
    private final ReadOnlyStringWrapper routeInfo = new ReadOnlyStringWrapper("");
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private Topology topology = Topology.empty();
    private String highlighted;
    private Set<String> selection = Set.of();
    private List<FindingRow> findings = List.of();
    private RouteTable routes = new RouteTable(List.of(), List.of(), List.of(), List.of());
    private String traced;
    private boolean spaceDown;
    private boolean fitPending;
    private double pendingFloor = MIN_ZOOM;
    private double dragX;
    private double dragY;

    public TopologyCanvas() {
        getStyleClass().add("topology-canvas");
        setId("canvas");
        world.getTransforms().setAll(pan, zoom);
        world.setManaged(false);
        screenLayer.setManaged(false);
        screenLayer.setMouseTransparent(true);
        getChildren().addAll(world, screenLayer);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setVisible(false);
        dropOutline.getStyleClass().add("drop-outline");
        dropOutline.setVisible(false);
        overlay.setMouseTransparent(true);
        decorationLayer.setMouseTransparent(true);
        overlay.setManaged(false);
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::startPan);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, this::pan);
        addEventFilter(MouseEvent.MOUSE_RELEASED, this::endPan);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> spaceDown |= e.getCode() == KeyCode.SPACE);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> spaceDown &= e.getCode() != KeyCode.SPACE);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShiftDown()) {
                pan.setX(pan.getX() + e.getDeltaX());
                pan.setY(pan.getY() + e.getDeltaY());
            } else {
                zoomAt(Math.pow(1.002, e.getDeltaY()), e.getX(), e.getY());
            }
        });
    }

    public Topology topology() {
        return topology;
    }

    /** Shows {@code next}, reusing the views of elements whose ids it keeps. */
    public void show(Topology next) {
        topology = next;
        reconcile(nodes, next.nodes(), Node::id, NodeView::canShow, this::addNodeView,
                view -> nodeLayer.getChildren().remove(view));
        next.nodes().forEach(node -> nodes.get(node.id()).update(node));

        reconcile(bridges, next.bridges(), Bridge::id, (view, bridge) -> true,
                bridge -> addEdge(newBridgeView(bridge.id())), this::removeEdge);
        Map<String, Double> lanes = laneOffsets(next.bridges());
        next.bridges().forEach(b -> bridges.get(b.id())
                .show(b, nodes.get(b.from()), nodes.get(b.to()), lanes.get(b.id())));

        List<ClientLink> clientLinks = ClientLink.of(next);
        reconcile(links, clientLinks, ClientLink::clientId, (view, link) -> view.publishing() == link.publishing(),
                link -> addEdge(new ClientLinkView(link.publishing())), this::removeEdge);
        clientLinks.forEach(link -> links.get(link.clientId())
                .show(nodes.get(link.clientId()), nodes.get(link.brokerId())));
        highlight(highlighted);
        select(selection);
        refreshBadges();
    }

    /** Marks the views of {@code ids} with {@code :selected}; ids without a view are ignored. */
    public void select(Set<String> ids) {
        selection = Set.copyOf(ids);
        nodes.forEach((id, view) -> view.pseudoClassStateChanged(SELECTED, selection.contains(id)));
        bridges.forEach((id, view) -> view.pseudoClassStateChanged(SELECTED, selection.contains(id)));
    }

    /**
     * Shows one live check: badges on the elements the findings name (the worst level shows) and
     * the routes {@link #traceRoutes} uses. Both change together, so badges are refreshed once.
     */
    public void showCheck(List<FindingRow> rows, RouteTable table) {
        findings = List.copyOf(rows);
        routes = table;
        refreshBadges();
        traceRoutes(traced);
    }

    /**
     * Badges from the findings, plus an error on every broker and bridge of a loop the router
     * found: the checker names one element per loop, but the user should see the whole cycle.
     */
    private void refreshBadges() {
        Map<String, List<FindingRow>> byElement = new HashMap<>();
        findings.stream().filter(r -> r.elementId() != null)
                .forEach(r -> byElement.computeIfAbsent(r.elementId(), k -> new ArrayList<>()).add(r));
        for (Loop loop : routes.loops()) {
            Stream.concat(loop.brokerIds().stream(), loop.bridgeIds().stream())
                    .filter(id -> byElement.getOrDefault(id, List.of()).stream().noneMatch(r -> r.code().equals(LOOP_CODE)))
                    .forEach(id -> byElement.computeIfAbsent(id, k -> new ArrayList<>()).add(new FindingRow(
                            FindingRow.Level.ERROR, LOOP_CODE, id, "Bridge loop: " + loop.explanation(), "")));
        }
        nodes.forEach((id, view) -> view.badge().show(byElement.getOrDefault(id, List.of())));
        bridges.forEach((id, view) -> view.badge().show(byElement.getOrDefault(id, List.of())));
    }

    /**
     * Highlights ({@code :on-route}) what a publisher's messages pass on their way to each subscriber,
     * or where a subscriber's messages come from, and describes it hop by hop in {@link #routeInfoProperty()};
     * for a subscriber nothing reaches, the description says why. Null or another kind clears it.
     */
    public void traceRoutes(String elementId) {
        traced = elementId;
        RouteTrace trace = RouteTrace.of(topology, routes, elementId);
        nodes.forEach((id, view) -> view.pseudoClassStateChanged(ON_ROUTE, trace.elements().contains(id)));
        bridges.forEach((id, view) -> view.pseudoClassStateChanged(ON_ROUTE, trace.elements().contains(id)));
        links.forEach((id, view) -> view.pseudoClassStateChanged(ON_ROUTE, trace.elements().contains(id)));
        routeTags.getChildren().clear();
        trace.hopTags().forEach((brokerId, text) -> nodeView(brokerId).ifPresent(view -> {
            Label tag = new Label(text);
            tag.getStyleClass().add("route-tag");
            tag.setId("route-tag-" + brokerId);
            tag.relocate(view.box().getMinX(), view.box().getMaxY() + 4);
            routeTags.getChildren().add(tag);
        }));
        routeInfo.set(trace.text());
    }

    /** The routes of the traced element, as text: one line per route, or why there is none. */
    public ReadOnlyStringProperty routeInfoProperty() {
        return routeInfo.getReadOnlyProperty();
    }

    /** The ids of the elements on the traced routes. */
    public Set<String> onRoute() {
        return RouteTrace.of(topology, routes, traced).elements();
    }

    /** The diagram point under a point of this canvas (undoing pan and zoom). */
    public Point2D toWorld(double x, double y) {
        return world.parentToLocal(x, y);
    }

    /** The topmost node view whose box contains the diagram point, if any. */
    public Optional<NodeView<?>> nodeViewAt(Point2D point) {
        List<NodeView<?>> views = new ArrayList<>(nodes.values());
        for (int i = views.size() - 1; i >= 0; i--) {
            if (views.get(i).box().contains(point)) {
                return Optional.of(views.get(i));
            }
        }
        return Optional.empty();
    }

    /** A layer over the nodes for decorations kept by their owner (diagram coordinates, no mouse events). */
    public Group decorationLayer() {
        return decorationLayer;
    }

    /** A layer over the diagram in canvas coordinates (not panned or zoomed, no mouse events), e.g. for a legend. */
    public Group screenLayer() {
        return screenLayer;
    }

    /** Every node view, in drawing order. */
    public List<NodeView<?>> nodeViews() {
        return List.copyOf(nodes.values());
    }

    /** Shows the selection rectangle (diagram coordinates), or hides it for null. */
    void showRubberBand(Bounds area) {
        rubberBand.setVisible(area != null);
        if (area != null) {
            rubberBand.setX(area.getMinX());
            rubberBand.setY(area.getMinY());
            rubberBand.setWidth(area.getWidth());
            rubberBand.setHeight(area.getHeight());
        }
    }

    /** Outlines where a dragged palette item would land (diagram coordinates), or hides it for null. */
    void showDropOutline(Bounds area) {
        dropOutline.setVisible(area != null);
        if (area != null) {
            dropOutline.setX(area.getMinX());
            dropOutline.setY(area.getMinY());
            dropOutline.setWidth(area.getWidth());
            dropOutline.setHeight(area.getHeight());
        }
    }

    /** Shows the line of a connection being dragged (diagram coordinates), or hides it for null. */
    void showConnectLine(Point2D from, Point2D to) {
        connectLine.setVisible(from != null);
        if (from != null) {
            connectLine.setStartX(from.getX());
            connectLine.setStartY(from.getY());
            connectLine.setEndX(to.getX());
            connectLine.setEndY(to.getY());
        }
    }

    /**
     * Marks one element's view with the {@code :highlighted} pseudo-class (e.g. the element of the
     * finding selected in the problems panel); null or an unknown id clears the mark.
     */
    public void highlight(String elementId) {
        nodes.values().forEach(view -> view.pseudoClassStateChanged(HIGHLIGHTED, view.elementId().equals(elementId)));
        bridges.forEach((id, view) -> view.pseudoClassStateChanged(HIGHLIGHTED, id.equals(elementId)));
        highlighted = elementId;
    }

    public Optional<NodeView<?>> nodeView(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<BridgeView> bridgeView(String id) {
        return Optional.ofNullable(bridges.get(id));
    }

    /** The link of a publisher or subscriber to its broker, by the client's id. */
    public Optional<ClientLinkView> clientLinkView(String clientId) {
        return Optional.ofNullable(links.get(clientId));
    }

    public double zoom() {
        return zoom.getX();
    }

    public void zoomIn() {
        zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Scales and centres the diagram to fill the canvas; waits for the first layout if needed. */
    public void fit() {
        fit(MIN_ZOOM);
    }

    /**
     * Fits as {@link #fit()} does, but never below the zoom at which node names are {@value #READABLE_NAME_PX} px
     * high: a diagram too large for the canvas at that size shows its top-left part, where the flow starts, and
     * the rest is a pan away. Opening a file uses this.
     */
    public void fitReadably() {
        fit(readableZoom());
    }

    /** The zoom at which node names are {@value #READABLE_NAME_PX} px high on screen. */
    public double readableZoom() {
        return nodes.values().stream().findFirst().map(view -> READABLE_NAME_PX / view.titleFontSize()).orElse(1.0);
    }

    private void fit(double floor) {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            pendingFloor = floor;
            requestLayout();
            return;
        }
        fitPending = false;
        world.applyCss();
        world.layout();
        Bounds content = world.getLayoutBounds();
        if (content.isEmpty()) {
            setZoom(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        double scale = Math.min((getWidth() - 2 * FIT_MARGIN) / content.getWidth(),
                (getHeight() - 2 * FIT_MARGIN) / content.getHeight());
        setZoom(Math.max(Math.min(floor, MAX_FIT_ZOOM), Math.min(MAX_FIT_ZOOM, scale)));
        pan.setX(centredOrFromStart(getWidth(), content.getMinX(), content.getWidth()));
        pan.setY(centredOrFromStart(getHeight(), content.getMinY(), content.getHeight()));
    }

    /** The pan that centres content of this extent when it fits the canvas, else shows it from its start. */
    private double centredOrFromStart(double canvasExtent, double contentMin, double contentExtent) {
        return zoom() * contentExtent <= canvasExtent - 2 * FIT_MARGIN
                ? canvasExtent / 2 - zoom() * (contentMin + contentExtent / 2)
                : FIT_MARGIN - zoom() * contentMin;
    }

    @Override
    protected void layoutChildren() {
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fit(pendingFloor);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    /** Zooms by {@code factor}, keeping the diagram point under ({@code x}, {@code y}) in place. */
    private void zoomAt(double factor, double x, double y) {
        double old = zoom();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        pan.setX(x - (x - pan.getX()) * next / old);
        pan.setY(y - (y - pan.getY()) * next / old);
        setZoom(next);
    }

    private void setZoom(double value) {
        zoom.setX(value);
        zoom.setY(value);
    }

    /** The middle button, or the primary one while Space is held, pans from anywhere. */
    private void startPan(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY)) {
            dragX = e.getX() - pan.getX();
            dragY = e.getY() - pan.getY();
            setCursor(Cursor.CLOSED_HAND);
            e.consume();
        }
    }

    private void pan(MouseEvent e) {
        if (getCursor() == Cursor.CLOSED_HAND) {
            pan.setX(e.getX() - dragX);
            pan.setY(e.getY() - dragY);
            e.consume();
        }
    }

    private void endPan(MouseEvent e) {
        if (getCursor() == Cursor.CLOSED_HAND) {
            setCursor(Cursor.DEFAULT);
            e.consume();
        }
    }

    private NodeView<?> addNodeView(Node node) {
        NodeView<?> view = NodeView.of(node);
        nodeLayer.getChildren().add(view);
        return view;
    }

    /** A bridge view whose label keeps off the nodes and the labels of the bridges placed before it. */
    private BridgeView newBridgeView(String id) {
        BridgeView view = new BridgeView(id);
        view.avoid(() -> Stream.concat(nodes.values().stream().map(NodeView::box), bridges.values().stream()
                .filter(other -> other != view).flatMap(other -> other.labelBox().stream())).toList());
        return view;
    }

    private <E extends EdgeView> E addEdge(E edge) {
        edgeLayer.getChildren().add(edge);
        return edge;
    }

    private void removeEdge(EdgeView edge) {
        edge.disconnect();
        edgeLayer.getChildren().remove(edge);
    }

    /**
     * Drops the views whose id is gone or whose kind no longer fits, and creates views for new
     * ids; updating the kept ones is left to the caller, which knows what each kind needs.
     */
    private static <M, V> void reconcile(Map<String, V> views, List<M> models, Function<M, String> idOf,
            BiPredicate<V, M> fits, Function<M, V> create, Consumer<V> remove) {
        Map<String, M> wanted = new LinkedHashMap<>();
        models.forEach(m -> wanted.put(idOf.apply(m), m));
        views.entrySet().removeIf(entry -> {
            M model = wanted.get(entry.getKey());
            boolean gone = model == null || !fits.test(entry.getValue(), model);
            if (gone) {
                remove.accept(entry.getValue());
            }
            return gone;
        });
        wanted.forEach((id, model) -> views.computeIfAbsent(id, key -> create.apply(model)));
    }

    /**
     * Sideways offsets that keep bridges joining the same two nodes apart, measured along the
     * normal of the edge from the node with the smaller id, so that A→B and B→A separate too.
     */
    private static Map<String, Double> laneOffsets(List<Bridge> bridges) {
        Map<String, List<Bridge>> byPair = new LinkedHashMap<>();
        for (Bridge b : bridges) {
            String pair = b.from().compareTo(b.to()) < 0 ? b.from() + "\n" + b.to() : b.to() + "\n" + b.from();
            byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(b);
        }
        Map<String, Double> offsets = new HashMap<>();
        for (List<Bridge> group : byPair.values()) {
            for (int i = 0; i < group.size(); i++) {
                Bridge b = group.get(i);
                double offset = (i - (group.size() - 1) / 2.0) * LANE_GAP;
                offsets.put(b.id(), b.from().compareTo(b.to()) < 0 ? offset : -offset);
            }
        }
        return offsets;
    }

    /** A publisher's or subscriber's connection to its broker, as the canvas draws it. */
    private record ClientLink(String clientId, String brokerId, boolean publishing) {
        static List<ClientLink> of(Topology topology) {
            List<ClientLink> links = new ArrayList<>();
            topology.publishers().forEach(p -> links.add(new ClientLink(p.id(), p.broker(), true)));
            topology.subscribers().forEach(s -> links.add(new ClientLink(s.id(), s.broker(), false)));
            return links;
        }
    }
}

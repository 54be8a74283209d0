package org.mqttstudio.app.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.mqttstudio.app.canvas.ContextMenus;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.app.run.RunPhase;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/**
 * The fault items of the canvas's right-click menus while a run is running (none while designing, starting or
 * stopping): on a bridge or a client, its link to the broker it connects to (Cut / Restore, latency); on a broker,
 * Stop / Start. Each opening reads the {@link FaultState} of that moment. What the run's taps cannot reach gets one
 * disabled item that says why: an external broker, a bridge or client whose broker is external (decided: its link
 * has no tap either, so it is refused the same way), an element added after Run.
 */
final class FaultMenus {
    /** The latencies offered in one click; others through the dialog. */
    static final List<Duration> PRESETS = List.of(Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofMillis(2000));

    private final RunController controller;
    private final FaultState state;
    private final FaultActions actions;
    private final Supplier<Window> owner;

    FaultMenus(RunController controller, FaultState state, FaultActions actions, Supplier<Window> owner) {
        this.controller = controller;
        this.state = state;
        this.actions = actions;
        this.owner = owner;
    }

    void install(ContextMenus menus) {
        menus.add(ContextMenus.Kind.NODE, this::nodeItems);
        menus.add(ContextMenus.Kind.BRIDGE, this::linkItems);
    }

    /** A broker's Stop / Start, a client's link items, an external broker's reason. */
    private List<MenuItem> nodeItems(ContextMenus.Target target) {
        Optional<Topology> run = running();
        String id = target.elementId();
        if (run.isEmpty()) {
            return List.of();
        }
        Topology t = run.get();
        if (t.externalBroker(id).isPresent()) {
            return List.of(unavailable(t.nameOf(id) + " has no tap (outside the run)"));
        }
        if (t.broker(id).isEmpty()) {
            return linkItems(target); // a publisher or subscriber: its link
        }
        String name = t.nameOf(id);
        if (state.busy().contains(id)) {
            return List.of(unavailable((state.stopped().contains(id) ? "starting " : "stopping ") + name + "…"));
        }
        if (state.stopped().contains(id)) {
            return List.of(item("fault-start-broker", "Start broker", () -> actions.startBroker(id)));
        }
        return List.of(item("fault-stop-broker", "Stop broker", () -> actions.stopBroker(id)));
    }

    /** A bridge's or client's link: Cut or Restore, then latency. */
    private List<MenuItem> linkItems(ContextMenus.Target target) {
        Optional<Topology> run = running();
        String id = target.elementId();
        if (run.isEmpty()) {
            return List.of();
        }
        Topology t = run.get();
        Optional<String> broker = linkBroker(t, id);
        if (broker.isEmpty()) {
            return List.of(unavailable("not in this run (added after Run)"));
        }
        if (t.externalBroker(broker.get()).isPresent()) {
            return List.of(unavailable(t.nameOf(id) + " connects to " + t.nameOf(broker.get())
                    + ", which has no tap (outside the run)"));
        }
        if (state.busy().contains(id)) {
            return List.of(unavailable(t.nameOf(id) + "'s link is changing…"));
        }
        List<MenuItem> items = new ArrayList<>();
        items.add(state.cut().contains(id) ? item("fault-restore", "Restore link", () -> actions.restore(id))
                : item("fault-cut", "Cut link", () -> actions.cut(id)));
        Duration now = state.latency().getOrDefault(id, Duration.ZERO);
        Menu latency = new Menu(now.isZero() ? "Add latency" : "Change latency (" + FaultStyles.latencyText(now) + ")");
        latency.setId("fault-latency");
        for (Duration preset : PRESETS) {
            MenuItem choice = item("fault-latency-" + preset.toMillis(), preset.toMillis() + " ms",
                    () -> actions.latency(id, preset));
            choice.setDisable(preset.equals(now));
            latency.getItems().add(choice);
        }
        latency.getItems().add(item("fault-latency-custom", "Other…", () -> LatencyDialog.ask(owner.get(),
                t.nameOf(id), now).ifPresent(chosen -> actions.latency(id, chosen))));
        items.add(latency);
        if (!now.isZero()) {
            items.add(item("fault-latency-remove", "Remove latency", () -> actions.latency(id, Duration.ZERO)));
        }
        return items;
    }

    /** The running topology while the run is up; empty while designing, starting or stopping. */
    private Optional<Topology> running() {
        return controller.phaseProperty().get() == RunPhase.RUNNING
                ? Optional.ofNullable(controller.runningTopologyProperty().get()) : Optional.empty();
    }

    /** The node a bridge's or client's link ends at: where the run's tap for it sits. */
    static Optional<String> linkBroker(Topology t, String id) {
        return t.bridge(id).map(Bridge::to)
                .or(() -> t.publishers().stream().filter(p -> p.id().equals(id)).map(Publisher::broker).findFirst())
                .or(() -> t.subscribers().stream().filter(s -> s.id().equals(id)).map(Subscriber::broker).findFirst());
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem unavailable(String reason) {
        MenuItem item = new MenuItem("Faults: " + reason);
        item.setId("fault-unavailable");
        item.setDisable(true);
        return item;
    }
}

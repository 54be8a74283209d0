package org.mqttstudio.app.faults;

import java.util.function.Consumer;
import javafx.application.Platform;
import org.mqttstudio.app.canvas.ContextMenus;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.run.RunController;
import org.mqttstudio.app.run.RunPhase;

/**
 * Fault injection from the canvas: the right-click items that cut and delay links and stop and start brokers of
 * the running topology, their drawing, and the state they share, forgotten when a run starts or ends.
 */
public final class Faults {
    private final FaultState state = new FaultState();

    /**
     * @param messages one line for the run's message (what a fault did, or why it could not)
     */
    public Faults(TopologyCanvas canvas, RunController controller, Consumer<String> messages, ContextMenus menus) {
        FaultActions actions = new FaultActions(controller, state, messages, Platform::runLater);
        new FaultStyles(canvas, state, controller.runningTopologyProperty()::get);
        new FaultMenus(controller, state, actions, () -> canvas.getScene().getWindow()).install(menus);
        controller.onRunnerCreated(runner -> state.clear());
        controller.phaseProperty().addListener((o, old, phase) -> {
            if (phase == RunPhase.IDLE) {
                state.clear();
            }
        });
    }

    /** What is cut, delayed and stopped in the current run. */
    public FaultState state() {
        return state;
    }
}

package org.mqttstudio.app.run;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.mqttstudio.runtime.RunOptions;

/**
 * The run's controls: the Run menu, a toolbar (Run, Stop, runtime, port offset, the run's summary) and the banner shown
 * while the canvas differs from what runs. Real mosquitto is disabled, with the reason and the install command, when
 * it is not installed.
 */
public final class RunControls {
    private static final int MAX_OFFSET = 60_000;

    private final RunController controller;
    private final Optional<String> mosquittoMissing = RunController.mosquittoMissing();

    public RunControls(RunController controller) {
        this.controller = controller;
    }

    public Menu menu() {
        MenuItem run = new MenuItem("Run");
        run.setId("menu-run");
        run.setAccelerator(KeyCombination.keyCombination("F5"));
        run.setOnAction(e -> controller.run());
        run.disableProperty().bind(controller.phaseProperty().isNotEqualTo(RunPhase.IDLE));
        MenuItem stop = new MenuItem("Stop");
        stop.setId("menu-stop");
        stop.setAccelerator(KeyCombination.keyCombination("Shift+F5"));
        stop.setOnAction(e -> controller.stop());
        stop.disableProperty().bind(idle().or(controller.phaseProperty().isEqualTo(RunPhase.STOPPING)));
        MenuItem restart = new MenuItem("Restart with changes");
        restart.setId("menu-restart");
        restart.setOnAction(e -> controller.restart());
        restart.disableProperty().bind(idle());
        ToggleGroup runtimes = new ToggleGroup();
        RadioMenuItem embedded = runtimeItem("Embedded brokers (HiveMQ CE)", RunOptions.Runtime.EMBEDDED, runtimes);
        RadioMenuItem mosquitto = runtimeItem(mosquittoMissing.map(why -> "Real mosquitto — " + why)
                .orElse("Real mosquitto"), RunOptions.Runtime.MOSQUITTO, runtimes);
        MenuItem offset = new MenuItem("Choose port offset automatically");
        offset.setId("menu-auto-offset");
        offset.setOnAction(e -> controller.autoOffsetProperty().set(true));
        Menu menu = new Menu("Run", null, run, stop, restart, new SeparatorMenuItem(), embedded,
                mosquitto, new SeparatorMenuItem(), offset);
        menu.setId("menu-run-menu");
        return menu;
    }

    private RadioMenuItem runtimeItem(String text, RunOptions.Runtime runtime, ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId("menu-runtime-" + runtime.name().toLowerCase(Locale.ROOT));
        item.setToggleGroup(group);
        item.setSelected(controller.runtimeProperty().get() == runtime);
        item.setOnAction(e -> controller.runtimeProperty().set(runtime));
        controller.runtimeProperty().addListener((o, old, now) -> item.setSelected(now == runtime));
        item.disableProperty().bind(idle().not().or(unavailable(runtime)));
        return item;
    }

    private BooleanBinding unavailable(RunOptions.Runtime runtime) {
        return Bindings.createBooleanBinding(() -> runtime == RunOptions.Runtime.MOSQUITTO
                && mosquittoMissing.isPresent());
    }

    private BooleanBinding idle() {
        return controller.phaseProperty().isEqualTo(RunPhase.IDLE);
    }

    public ToolBar toolBar() {
        Button run = new Button("▶ Run");
        run.setId("run-button");
        run.getStyleClass().add("run-button");
        run.setOnAction(e -> controller.run());
        run.disableProperty().bind(idle().not());
        run.setTooltip(new Tooltip("Start every broker, bridge and client of the canvas and trace their packets (F5)"));
        Button stop = new Button("■ Stop");
        stop.setId("stop-button");
        stop.getStyleClass().add("stop-button");
        stop.setOnAction(e -> controller.stop());
        stop.disableProperty().bind(idle().or(controller.phaseProperty().isEqualTo(RunPhase.STOPPING)));
        ToggleGroup group = new ToggleGroup();
        ToggleButton embedded = runtimeButton("embedded", RunOptions.Runtime.EMBEDDED, group);
        ToggleButton mosquitto = runtimeButton("mosquitto", RunOptions.Runtime.MOSQUITTO, group);
        // a disabled control shows no tooltip, so the reason sits on a label beside it
        Label missing = new Label(mosquittoMissing.orElse(""));
        missing.getStyleClass().add("run-advice");
        missing.setVisible(mosquittoMissing.isPresent());
        missing.setManaged(mosquittoMissing.isPresent());
        Spinner<Integer> offset = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_OFFSET,
                controller.portOffsetProperty().get(), 1000));
        offset.setId("port-offset");
        offset.setEditable(true);
        offset.setPrefWidth(96);
        offset.setTooltip(new Tooltip("Added to every broker port (1883 + 1000 = 2883): runs the design beside "
                + "a broker that already has its ports"));
        offset.getValueFactory().valueProperty().addListener((o, old, value) -> {
            if (value != null && value != controller.portOffsetProperty().get()) {
                controller.autoOffsetProperty().set(false);
                controller.portOffsetProperty().set(value);
                controller.adviseOffset();
            }
        });
        controller.portOffsetProperty().addListener((o, old, value) -> offset.getValueFactory().setValue(value.intValue()));
        // a typed offset counts once the field is left (say by pressing Run), not only on Enter
        offset.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                try {
                    offset.commitValue();
                } catch (NumberFormatException notANumber) {
                    offset.cancelEdit();
                }
            }
        });
        offset.disableProperty().bind(idle().not());
        Label advice = new Label();
        advice.setId("offset-advice");
        advice.getStyleClass().add("run-advice");
        advice.textProperty().bind(controller.offsetAdviceProperty());
        ToolBar bar = new ToolBar(run, stop, new Separator(), embedded, mosquitto, missing, new Separator(),
                new Label("port offset"), offset, advice, new Separator());
        bar.setId("run-toolbar");
        bar.getStyleClass().add("run-toolbar");
        return bar;
    }

    private ToggleButton runtimeButton(String text, RunOptions.Runtime runtime, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId("runtime-" + runtime.name().toLowerCase(Locale.ROOT));
        button.setToggleGroup(group);
        button.setSelected(controller.runtimeProperty().get() == runtime);
        button.setOnAction(e -> {
            controller.runtimeProperty().set(runtime);
            button.setSelected(true); // a runtime is always chosen
        });
        controller.runtimeProperty().addListener((o, old, now) -> button.setSelected(now == runtime));
        button.disableProperty().bind(idle().not().or(unavailable(runtime)));
        return button;
    }

    /** "The canvas changed since Run" with Restart and Stop; hidden while the canvas equals what runs. */
    public HBox banner() {
        Label text = new Label("The canvas changed since Run: the run still uses the topology as it was. "
                + "Restart to run the changes.");
        text.getStyleClass().add("run-banner-text");
        Button restart = new Button("Restart with changes");
        restart.setId("banner-restart");
        restart.setOnAction(e -> controller.restart());
        Button stop = new Button("Stop");
        stop.setOnAction(e -> controller.stop());
        HBox banner = new HBox(10, text, restart, stop);
        banner.setId("run-banner");
        banner.getStyleClass().add("run-banner");
        banner.visibleProperty().bind(controller.changedSinceRunProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}

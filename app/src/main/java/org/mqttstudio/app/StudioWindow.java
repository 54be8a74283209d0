package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.mqttstudio.app.canvas.CanvasEditor;
import org.mqttstudio.app.canvas.DesignerActions;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.check.CheckResult;
import org.mqttstudio.app.check.LiveChecks;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.findings.FindingsPanel;
import org.mqttstudio.app.palette.Palette;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;

/**
 * The main window: menus, the topology canvas, and the problems panel. Opening a file that
 * cannot be read reports its one-line message and keeps the topology shown before.
 */
public final class StudioWindow {
    static final String APP_NAME = "MQTT Topology Studio";
    static final String STYLESHEET = "studio.css";
    static final String ICON = "icons/studio.png";

    private final Stage stage;
    private final StudioFolders folders;
    private final Consumer<String> loadErrors;
    private final TopologyJson json = new TopologyJson();
    private final TopologyCanvas canvas = new TopologyCanvas();
    private final Document document = new Document(Topology.empty());
    private final CanvasEditor editor = new CanvasEditor(canvas, document);
    private final DesignerActions designer = new DesignerActions(canvas, editor, document);
    private final LiveChecks checks;
    private List<FindingRow> loadProblems = List.of();
    private List<FindingRow> checked = List.of();
    private final FindingsPanel findings = new FindingsPanel();
    private final Label topologyName = new Label();
    private final MenuItem reload = new MenuItem("Reload");
    private final Scene scene;

    /**
     * @param findingSource what the problems panel shows for a loaded topology (the checker)
     * @param loadErrors told the one-line reason a file could not be opened, e.g. to show an alert
     */
    public StudioWindow(Stage stage, StudioFolders folders, FindingSource findingSource,
            Consumer<String> loadErrors) {
        this.stage = stage;
        this.folders = folders;
        this.loadErrors = loadErrors;

        checks = new LiveChecks(findingSource, this::showCheck);
        document.topologyProperty().addListener((o, old, t) -> checks.submit(t));
        stage.setOnHidden(e -> checks.close());
        findings.selectedRow().addListener((o, old, row) -> {
            canvas.highlight(row == null ? null : row.elementId());
            if (row != null && row.elementId() != null) {
                document.select(Set.of(row.elementId()));
            }
        });
        topologyName.getStyleClass().add("topology-name");
        topologyName.setId("topology-name");
        BorderPane diagram = new BorderPane(canvas);
        diagram.setTop(topologyName);
        SplitPane split = new SplitPane(diagram, findings);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(findings, false);

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(menuBar(), designer.toolBar()));
        root.setLeft(new Palette(editor));
        root.setBottom(statusBar());
        scene = new Scene(root, 1280, 800);
        designer.installExtraShortcuts(scene);
        folders.asset(STYLESHEET).ifPresentOrElse(css -> scene.getStylesheets().add(css.toUri().toString()),
                () -> System.err.println("studio: no " + STYLESHEET + " found in assets/; drawing unstyled"));
        folders.asset(ICON).ifPresent(icon -> stage.getIcons().setAll(new Image(icon.toUri().toString())));
        stage.setScene(scene);
        showFile();
    }

    public Scene scene() {
        return scene;
    }

    public TopologyCanvas canvas() {
        return canvas;
    }

    public FindingsPanel findings() {
        return findings;
    }

    public Topology topology() {
        return document.topology();
    }

    public Document document() {
        return document;
    }

    public CanvasEditor editor() {
        return editor;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(document.fileProperty().get());
    }

    /**
     * Reads and shows {@code path}. Returns false, reporting why and keeping the topology shown,
     * when the file cannot be read.
     */
    public boolean open(Path path) {
        return load(path, true);
    }

    /** Reads the current file again (after editing it elsewhere), keeping zoom and scroll. */
    public void reload() {
        file().ifPresent(path -> load(path, false));
    }

    private boolean load(Path path, boolean fit) {
        Topology next;
        try {
            next = json.read(path);
        } catch (TopologyFileException e) {
            loadProblems = List.of(FindingRow.loadError(e.getMessage()));
            findings.show(loadProblems, checked);
            loadErrors.accept(e.getMessage());
            return false;
        }
        loadProblems = List.of();
        findings.show(loadProblems, checked);
        document.load(next, path);
        checks.submit(next); // also when reloading an equal topology, which fires no change
        if (fit) {
            canvas.fit();
        }
        showFile();
        return true;
    }

    /** Applies a live check's result: problems panel, badges, routes. */
    private void showCheck(CheckResult result) {
        checked = result.findings();
        findings.show(loadProblems, checked);
        canvas.showFindings(result.findings());
        canvas.showRoutes(result.routes());
    }

    /** The editor's last message, or the routes through the selected client. */
    private Label statusBar() {
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-bar");
        status.textProperty().bind(Bindings.when(canvas.routeInfoProperty().isEmpty())
                .then(editor.messageProperty()).otherwise(canvas.routeInfoProperty()));
        return status;
    }

    private void showFile() {
        Path file = file().orElse(null);
        stage.setTitle(file == null ? APP_NAME : file.getFileName() + " — " + APP_NAME);
        topologyName.setText(file == null ? "Open a topology with File ▸ Open… or File ▸ Open sample"
                : topology().name().isBlank() ? file.getFileName().toString() : topology().name());
        reload.setDisable(file == null);
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", "menu-open", this::chooseFile);
        Menu samples = new Menu("Open sample");
        samples.setId("menu-samples");
        for (Path sample : folders.sampleFiles()) {
            String name = sample.getFileName().toString().replaceFirst("\\.json$", "");
            samples.getItems().add(item(name, null, "menu-sample-" + name, () -> open(sample)));
        }
        samples.setDisable(samples.getItems().isEmpty());
        reload.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reload.setId("menu-reload");
        reload.setOnAction(e -> reload());
        MenuItem quit = item("Quit", "Shortcut+Q", "menu-quit", stage::close);
        Menu fileMenu = new Menu("File", null, open, samples, new SeparatorMenuItem(), reload,
                new SeparatorMenuItem(), quit);

        return new MenuBar(fileMenu, designer.editMenu(), designer.viewMenu());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open topology");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Topology (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        file().map(Path::getParent).or(folders::samples)
                .ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        Optional.ofNullable(chooser.showOpenDialog(stage)).ifPresent(chosen -> open(chosen.toPath()));
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}

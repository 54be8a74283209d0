package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.dialogs.ErrorDialog;
import org.mqttstudio.app.dialogs.ExportDialog;
import org.mqttstudio.app.dialogs.ImportConfs;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.findings.FindingsPanel;
import org.mqttstudio.app.properties.PropertiesPanel;
import org.mqttstudio.app.shell.FileActions;
import org.mqttstudio.app.shell.FileMenu;
import org.mqttstudio.app.shell.ShellServices;
import org.mqttstudio.topology.Topology;

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
    private final FindingSource findingSource;
    private final Consumer<String> loadErrors;
    private final Document document = new Document(Topology.empty());
    private final TopologyCanvas canvas = new TopologyCanvas();
    private final FindingsPanel findings = new FindingsPanel();
    private final PropertiesPanel properties = new PropertiesPanel(document);
    private final Label topologyName = new Label();
    private final MenuItem reload = new MenuItem("Reload");
    private final FileActions files;
    private final ImportConfs importConfs;
    private final ExportDialog exportDialog;
    private final Scene scene;

    /**
     * @param findingSource what the problems panel shows for a loaded topology (the checker)
     * @param loadErrors told the one-line reason a file could not be opened, e.g. to show an alert
     */
    public StudioWindow(Stage stage, StudioFolders folders, FindingSource findingSource,
            Consumer<String> loadErrors) {
        this(stage, folders, findingSource, loadErrors, ShellServices.system(stage));
    }

    /** @param services config folder, file choosers and questions (tests answer them) */
    public StudioWindow(Stage stage, StudioFolders folders, FindingSource findingSource,
            Consumer<String> loadErrors, ShellServices services) {
        this.stage = stage;
        this.folders = folders;
        this.findingSource = findingSource;
        this.loadErrors = loadErrors;
        Consumer<String> fileErrors = message -> {
            findings.show(List.of(FindingRow.loadError(message)), findingSource.findings(topology()));
            loadErrors.accept(message);
        };
        files = new FileActions(document, stage, services.configFolder(), services.choosers(), services.questions(),
                fileErrors);
        Consumer<String> actionErrors = message -> ErrorDialog.show(stage, "action-error", "MQTT Topology Studio",
                "The action could not be completed.", message);
        importConfs = new ImportConfs(files, services.choosers(), stage, actionErrors);
        exportDialog = new ExportDialog(document::topology, () -> file(), services.choosers(), stage,
                services.folderOpener(), actionErrors);
        document.topologyProperty().addListener((o, old, t) -> showTopology(t));
        document.fileProperty().addListener((o, old, f) -> showFile());

        findings.selectedRow().addListener((o, old, row) -> canvas.highlight(row == null ? null : row.elementId()));
        topologyName.getStyleClass().add("topology-name");
        topologyName.setId("topology-name");
        BorderPane diagram = new BorderPane(canvas);
        diagram.setTop(topologyName);
        SplitPane split = new SplitPane(diagram, findings);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(findings, false);

        BorderPane root = new BorderPane(split);
        root.setTop(menuBar());
        root.setRight(properties);
        scene = new Scene(root, 1280, 800);
        folders.asset(STYLESHEET).ifPresentOrElse(css -> scene.getStylesheets().add(css.toUri().toString()),
                () -> System.err.println("studio: no " + STYLESHEET + " found in assets/; drawing unstyled"));
        folders.asset(ICON).ifPresent(icon -> stage.getIcons().setAll(new Image(icon.toUri().toString())));
        stage.setScene(scene);
        stage.titleProperty().bind(files.title(APP_NAME));
        stage.setOnCloseRequest(e -> {
            if (!files.close()) {
                e.consume();
            }
        });
        files.startAutosave();
        showFile();
    }

    public Document document() {
        return document;
    }

    public FileActions files() {
        return files;
    }

    public ImportConfs importConfs() {
        return importConfs;
    }

    public ExportDialog exportDialog() {
        return exportDialog;
    }

    public PropertiesPanel properties() {
        return properties;
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

    public Optional<Path> file() {
        return Optional.ofNullable(document.fileProperty().get());
    }

    /**
     * Reads and shows {@code path} (without asking about unsaved changes). Returns false, reporting
     * why and keeping the topology shown, when the file cannot be read.
     */
    public boolean open(Path path) {
        boolean read = files.read(path);
        if (read) {
            showTopology(topology()); // also when the file holds what was shown: the load problem goes
            canvas.fit();
        }
        return read;
    }

    /** Reads the current file again (after editing it elsewhere), keeping zoom and scroll. */
    public void reload() {
        file().filter(files::read).ifPresent(f -> showTopology(topology()));
    }

    private void showTopology(Topology t) {
        canvas.show(t);
        findings.show(List.of(), findingSource.findings(t));
        showFile();
    }

    private void showFile() {
        Path file = document.fileProperty().get();
        topologyName.setText(file == null && topology().nodes().isEmpty()
                ? "Open a topology with File ▸ Open… or File ▸ Open sample"
                : !topology().name().isBlank() ? topology().name() : files.name());
        reload.setDisable(file == null);
    }

    private MenuBar menuBar() {
        reload.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reload.setId("menu-reload");
        reload.setOnAction(e -> reload());
        Menu fileMenu = FileMenu.create(files, folders.sampleFiles(), importConfs::run, exportDialog::show, () -> {
            if (files.close()) {
                stage.close();
            }
        });
        fileMenu.getItems().add(fileMenu.getItems().size() - 2, reload);

        Menu view = new Menu("View", null,
                item("Zoom in", "Shortcut+EQUALS", "menu-zoom-in", canvas::zoomIn),
                item("Zoom out", "Shortcut+MINUS", "menu-zoom-out", canvas::zoomOut),
                item("Fit to window", "Shortcut+DIGIT0", "menu-fit", canvas::fit));
        return new MenuBar(fileMenu, view);
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

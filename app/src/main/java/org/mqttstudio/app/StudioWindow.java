package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.mqttstudio.app.canvas.CanvasEditor;
import org.mqttstudio.app.canvas.ContextMenus;
import org.mqttstudio.app.canvas.DesignerActions;
import org.mqttstudio.app.canvas.TopologyCanvas;
import org.mqttstudio.app.check.CheckResult;
import org.mqttstudio.app.check.LiveChecks;
import org.mqttstudio.app.dialogs.ErrorDialog;
import org.mqttstudio.app.dialogs.ExportDialog;
import org.mqttstudio.app.dialogs.ImportConfs;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.explorer.ExploreTarget;
import org.mqttstudio.app.explorer.ExplorerServices;
import org.mqttstudio.app.explorer.ExplorerWindow;
import org.mqttstudio.app.faults.Faults;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.app.findings.FindingsPanel;
import org.mqttstudio.app.palette.Palette;
import org.mqttstudio.app.properties.PropertiesPanel;
import org.mqttstudio.app.run.RunWorkspace;
import org.mqttstudio.app.shell.FileActions;
import org.mqttstudio.app.shell.FileMenu;
import org.mqttstudio.app.shell.ShellServices;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.explorer.HistoryLimits;
import org.mqttstudio.topology.Topology;

/**
 * The main window: menus, palette, the topology canvas, the property sheet and the problems panel. Opening a file that
 * cannot be read reports its one-line message and keeps the topology shown before.
 */
public final class StudioWindow {
    static final String APP_NAME = "MQTT Topology Studio";
    static final String STYLESHEET = "studio.css";
    static final String ICON = "icons/studio.png";

    private final Stage stage;
    private final StudioFolders folders;
    private final Consumer<String> loadErrors;
    private final TopologyCanvas canvas = new TopologyCanvas();
    private final Document document = new Document(Topology.empty());
    private final CanvasEditor editor = new CanvasEditor(canvas, document);
    private final LiveChecks checks;
    private List<FindingRow> loadProblems = List.of();
    private List<FindingRow> checked = List.of();
    private List<FindingRow> runProblems = List.of();
    private final FindingsPanel findings = new FindingsPanel();
    private final Label topologyName = new Label();
    private final MenuItem reload = new MenuItem("Reload");
    private final PropertiesPanel properties = new PropertiesPanel(document);
    private final DesignerActions designer = new DesignerActions(canvas, editor, document, properties::focusForm);
    private final FileActions files;
    private final ImportConfs importConfs;
    private final ExportDialog exportDialog;
    private final Scene scene;
    private final RunWorkspace run;
    private final Faults faults;
    private final ExplorerServices explorerServices;
    private ExplorerWindow explorer;

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
        this.loadErrors = loadErrors;
        this.explorerServices = ExplorerServices.system(services.configFolder());
        files = new FileActions(document, stage, services.configFolder(), services.choosers(), services.questions(),
                services.autosaveEvery(), this::showLoadError);
        Consumer<String> actionErrors = message -> ErrorDialog.show(stage, "action-error", APP_NAME,
                "The action could not be completed.", message);
        importConfs = new ImportConfs(files, services.choosers(), stage, actionErrors);
        exportDialog = new ExportDialog(document::topology, this::file, services.choosers(), stage,
                services.folderOpener(), actionErrors);
        document.fileProperty().addListener((o, old, f) -> showFile());
        document.topologyProperty().addListener((o, old, t) -> showFile());

        run = new RunWorkspace(canvas, document, this::showRunProblems, RunWorkspace.systemSaveChooser(stage));
        checks = new LiveChecks(findingSource, this::showCheck);
        document.topologyProperty().addListener((o, old, t) -> checks.submit(t));
        stage.setOnHidden(e -> {
            checks.close();
            run.stopForClose();
            if (explorer != null) {
                explorer.stage().close();
            }
        });
        findings.chosenRow().addListener((o, old, row) -> {
            canvas.highlight(row == null ? null : row.elementId());
            if (row != null && row.elementId() != null) {
                document.select(Set.of(row.elementId()));
            }
        });
        // Choosing another element ends the finding's highlight: the red glow never sits on one element
        // while the user works on another.
        document.selectionProperty().addListener((o, old, ids) -> {
            FindingRow row = findings.chosenRow().get();
            if (row != null && row.elementId() != null && !ids.contains(row.elementId())) {
                findings.clearChoice();
            }
        });
        topologyName.getStyleClass().add("topology-name");
        topologyName.setId("topology-name");
        BorderPane diagram = new BorderPane(canvas);
        diagram.setTop(topologyName);
        diagram.setBottom(run.banner());
        TabPane bottom = run.bottom(findings);
        SplitPane split = new SplitPane(diagram, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(bottom, false);
        run.growTraceWhileRunning(split);

        BorderPane root = new BorderPane(split);
        ToolBar designTools = designer.toolBar();
        designTools.setMinWidth(Region.USE_PREF_SIZE);
        ToolBar runTools = run.toolBar();
        HBox.setHgrow(runTools, Priority.ALWAYS);
        root.setTop(new VBox(menuBar(), new HBox(designTools, runTools)));
        root.setLeft(new Palette(editor));
        root.setRight(properties);
        root.setBottom(new StatusBar(canvas.routeInfoProperty(), editor.messageProperty()));
        // As large as the screen: a diagram is read best with room around it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, screen.getWidth(), screen.getHeight());
        designer.installExtraShortcuts(scene);
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
        editor.contextMenus().add(ContextMenus.Kind.NODE, this::exploreItems);
        faults = new Faults(canvas, run.controller(), run.messages(), editor.contextMenus());
        files.startAutosave();
        showFile();
    }

    public FileActions files() {
        return files;
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

    /** The run's fault injection from the canvas's menus. */
    public Faults faults() {
        return faults;
    }

    /** Run controls, packet trace and the run's canvas decorations. */
    public RunWorkspace run() {
        return run;
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
     * What a start shows: the canvas the last run left unsaved if the user recovers it, else {@code topology}
     * (if given). Returns whether {@code topology} was opened (a {@code --run} then starts it).
     */
    public boolean start(Optional<Path> topology) {
        return !files.offerRecovery() && topology.filter(this::open).isPresent();
    }

    /**
     * Reads and shows {@code path} (without asking about unsaved changes). Returns false, reporting
     * why and keeping the topology shown, when the file cannot be read.
     */
    public boolean open(Path path) {
        boolean read = files.read(path);
        if (read) {
            loaded();
            canvas.fitReadably();
        }
        return read;
    }

    /** Reads the current file again (after editing it elsewhere), keeping zoom and scroll. */
    public void reload() {
        file().filter(files::read).ifPresent(path -> loaded());
    }

    private void showLoadError(String message) {
        loadProblems = List.of(FindingRow.loadError(message));
        showFindings();
        loadErrors.accept(message);
    }

    /** A file was read: its load problem is gone, and it is checked even if it equals what was shown. */
    private void loaded() {
        loadProblems = List.of();
        showFindings();
        checks.submit(topology());
        showFile();
    }

    private void showFindings() {
        findings.show(loadProblems, runProblems.isEmpty() ? checked
                : java.util.stream.Stream.concat(runProblems.stream(), checked.stream()).toList());
    }

    private void showRunProblems(List<FindingRow> rows) {
        runProblems = rows;
        showFindings();
    }

    /** Applies a live check's result: problems panel, badges, routes. */
    private void showCheck(CheckResult result) {
        checked = result.findings();
        showFindings();
        canvas.showCheck(result.findings(), result.routes());
    }

    private void showFile() {
        Path file = file().orElse(null);
        topologyName.setText(file == null && topology().nodes().isEmpty()
                ? "Open a topology with File ▸ Open… or File ▸ Open sample, or drag a Broker onto the canvas"
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
        MenuBar bar = new MenuBar(fileMenu, designer.editMenu(), designer.viewMenu(), run.menu(), exploreMenu());
        bar.getMenus().add(HelpMenu.create(bar, stage));
        return bar;
    }

    /** "Explore" on a broker or external broker: a connection to it, on the run's ports while it runs. */
    private List<MenuItem> exploreItems(ContextMenus.Target target) {
        Optional<ExploreTarget.Running> running = Optional.ofNullable(run.controller().runningTopologyProperty().get())
                .map(t -> new ExploreTarget.Running(t, run.controller().portOffsetProperty().get()));
        return ExploreTarget.of(topology(), target.elementId(), running).map(profile -> {
            MenuItem explore = new MenuItem("Explore " + profile.address() + "…");
            explore.setId("menu-explore-node");
            explore.setOnAction(e -> explorer().connect(profile));
            return List.of(explore);
        }).orElse(List.of());
    }

    private Menu exploreMenu() {
        MenuItem connect = new MenuItem("Connect to broker…");
        connect.setId("menu-explore-connect");
        connect.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        connect.setOnAction(e -> explorer().ask(ConnectionProfile.of("127.0.0.1", 1883)));
        return new Menu("Explore", null, connect);
    }

    /** The topic explorer's window (made on first use; one for the app, with a tab per connection). */
    public ExplorerWindow explorer() {
        if (explorer == null) {
            explorer = new ExplorerWindow(explorerServices, HistoryLimits.DEFAULT,
                    folders.asset(STYLESHEET).map(css -> css.toUri().toString()));
        }
        return explorer;
    }
}

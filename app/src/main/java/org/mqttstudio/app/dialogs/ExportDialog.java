package org.mqttstudio.app.dialogs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mqttstudio.app.shell.FileChoosers;
import org.mqttstudio.app.shell.FolderOpener;
import org.mqttstudio.app.shell.IoReason;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Severity;
import org.mqttstudio.mosquitto.BundleWriter;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;

/**
 * File ▸ Export: asks for a folder and a port offset, writes the mosquitto bundle exactly as
 * {@code studio export} does, then lists the files written and offers to open the folder.
 */
public final class ExportDialog {
    /** What an export wrote; {@code errors} counts the checker's errors (mosquitto may refuse the files). */
    public record Result(Path folder, List<Path> files, long errors) {
    }

    private final Supplier<Topology> topology;
    private final Supplier<Optional<Path>> documentFile;
    private final FileChoosers choosers;
    private final Window owner;
    private final FolderOpener opener;
    private final Consumer<String> errors;
    private Path lastFolder;

    public ExportDialog(Supplier<Topology> topology, Supplier<Optional<Path>> documentFile, FileChoosers choosers,
            Window owner, FolderOpener opener, Consumer<String> errors) {
        this.topology = topology;
        this.documentFile = documentFile;
        this.choosers = choosers;
        this.owner = owner;
        this.opener = opener;
        this.errors = errors;
    }

    /** Shows the dialog without blocking; Export runs {@link #export} and shows its result. */
    public void show() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export mosquitto files");
        dialog.setHeaderText("One folder per broker (mosquitto.conf, passwd, acl) and start-all.sh / stop-all.sh");
        dialog.getDialogPane().setId("export-dialog");
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);

        TextField folder = new TextField(defaultFolder().toString());
        folder.setId("export-folder");
        folder.setPrefColumnCount(32);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("export-choose");
        choose.setOnAction(e -> choosers.folder(dialog.getDialogPane().getScene().getWindow(), Path.of(folder.getText()))
                .ifPresent(p -> folder.setText(p.toString())));
        TextField offset = new TextField("0");
        offset.setId("export-offset");
        offset.setPrefColumnCount(6);
        Label problem = new Label();
        problem.setId("export-problem");
        problem.getStyleClass().add("field-error");
        StringBinding reason = Bindings.createStringBinding(() -> problem(folder.getText(), offset.getText()),
                folder.textProperty(), offset.textProperty());
        problem.textProperty().bind(reason);
        Button ok = (Button) dialog.getDialogPane().lookupButton(export);
        ok.setId("export-ok");
        ok.disableProperty().bind(reason.isNotEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Folder"), new HBox(6, folder, choose));
        grid.addRow(1, new Label("Port offset"), offset);
        grid.add(new Label("The offset is added to every listener port and bridge address, e.g. 10000 to run "
                + "beside a broker on 1883."), 0, 2, 2, 1);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == export) {
                run(Path.of(folder.getText().trim()), Integer.parseInt(offset.getText().trim()));
            }
        });
        dialog.show();
    }

    /** What the Export button does: writes the bundle, or reports why it could not. */
    public Optional<Result> run(Path folder, int portOffset) {
        try {
            Result result = export(folder, portOffset);
            showResult(result);
            return Optional.of(result);
        } catch (IOException e) {
            errors.accept(folder + ": cannot write the bundle: " + IoReason.of(e));
            return Optional.empty();
        }
    }

    /** Writes the bundle of the current topology into {@code folder}, as {@code studio export} does. */
    public Result export(Path folder, int portOffset) throws IOException {
        Topology t = topology.get();
        List<Path> written = new BundleWriter().write(t, folder, portOffset);
        lastFolder = folder;
        long errorCount = new Checker().check(t).stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new Result(folder, written, errorCount);
    }

    private Path defaultFolder() {
        if (lastFolder != null) {
            return lastFolder;
        }
        return documentFile.get()
                .map(f -> f.resolveSibling(f.getFileName().toString().replaceFirst("\\.json$", "") + "-mosquitto"))
                .orElse(Path.of(System.getProperty("user.home"), "mosquitto-export"));
    }

    private String problem(String folder, String offsetText) {
        if (folder.isBlank()) {
            return "Choose the folder to write to.";
        }
        int offset;
        try {
            offset = Integer.parseInt(offsetText.trim());
        } catch (NumberFormatException e) {
            return "The port offset must be a whole number, not '" + offsetText.trim() + "'.";
        }
        for (Broker b : topology.get().brokers()) {
            for (Listener l : b.listeners()) {
                int port = l.port() + offset;
                if (port < 1 || port > 65535) {
                    return "Offset " + offset + " moves port " + l.port() + " of " + b.name() + " to " + port
                            + ", outside 1..65535.";
                }
            }
        }
        return "";
    }

    private void showResult(Result result) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export finished");
        dialog.setHeaderText("Wrote " + result.files().size() + " files to " + result.folder());
        dialog.getDialogPane().setId("export-result");
        ButtonType openFolder = new ButtonType("Open folder", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().setAll(openFolder, ButtonType.CLOSE);
        ListView<String> files = new ListView<>();
        files.setId("export-files");
        files.setPrefHeight(220);
        result.files().forEach(p -> files.getItems().add(p.toString()));
        Label start = new Label("Start the brokers with " + result.folder().resolve("start-all.sh"));
        VBox content = new VBox(8, files, start);
        if (result.errors() > 0) {
            Label warning = new Label("The topology has " + result.errors()
                    + " error(s) (see Problems): mosquitto may refuse these files or misroute messages.");
            warning.getStyleClass().add("field-error");
            warning.setWrapText(true);
            content.getChildren().add(warning);
        }
        dialog.getDialogPane().setContent(content);
        Button open = (Button) dialog.getDialogPane().lookupButton(openFolder);
        open.setId("export-open-folder");
        open.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // keep the list shown
            try {
                opener.open(result.folder());
            } catch (IOException ex) {
                errors.accept(result.folder() + ": cannot open the folder: " + IoReason.of(ex));
            }
        });
        dialog.show();
    }
}

package org.mqttstudio.app.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** JavaFX's file and folder choosers. */
public final class SystemFileChoosers implements FileChoosers {
    private static final FileChooser.ExtensionFilter TOPOLOGY =
            new FileChooser.ExtensionFilter("Topology (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*");

    @Override
    public Optional<Path> openTopology(Window owner, Path initialFolder) {
        FileChooser chooser = chooser("Open topology", initialFolder, TOPOLOGY);
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveTopology(Window owner, Path initialFile) {
        FileChooser chooser = chooser("Save topology", initialFile == null ? null : initialFile.getParent(), TOPOLOGY);
        if (initialFile != null) {
            chooser.setInitialFileName(initialFile.getFileName().toString());
        }
        return path(chooser.showSaveDialog(owner)).map(p -> p.toString().endsWith(".json") ? p
                : p.resolveSibling(p.getFileName() + ".json"));
    }

    @Override
    public List<Path> openConfs(Window owner) {
        FileChooser chooser = chooser("Import mosquitto.conf files", null,
                new FileChooser.ExtensionFilter("mosquitto configuration (*.conf)", "*.conf"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folder(Window owner, Path initialFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export to folder");
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return path(chooser.showDialog(owner));
    }

    private static FileChooser chooser(String title, Path folder, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filter, ALL);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}

package org.mqttstudio.app.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The File menu: files, recent files, samples, import/export and quit. */
public final class FileMenu {
    private FileMenu() {
    }

    /**
     * @param importConfs runs the import of mosquitto.conf files
     * @param export runs the export dialog
     * @param quit closes the window (after asking about unsaved changes)
     */
    public static Menu create(FileActions files, List<Path> samples, Runnable importConfs, Runnable export,
            Runnable quit) {
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        // A Menu only fires onShowing once it has an item; the placeholder is replaced before showing.
        recent.getItems().add(new MenuItem("(none)"));
        recent.setOnShowing(e -> fillRecent(recent, files));

        Menu sampleMenu = new Menu("Open sample");
        sampleMenu.setId("menu-samples");
        for (Path sample : samples) {
            String name = sample.getFileName().toString().replaceFirst("\\.json$", "");
            sampleMenu.getItems().add(item(name, null, "menu-sample-" + name, () -> files.open(sample)));
        }
        sampleMenu.setDisable(samples.isEmpty());

        Menu menu = new Menu("File", null,
                item("New", "Shortcut+N", "menu-new", files::newFile),
                item("Open…", "Shortcut+O", "menu-open", files::open),
                recent, sampleMenu, new SeparatorMenuItem(),
                item("Save", "Shortcut+S", "menu-save", files::save),
                item("Save As…", "Shortcut+Shift+S", "menu-save-as", files::saveAs),
                new SeparatorMenuItem(),
                item("Import mosquitto.conf…", "Shortcut+I", "menu-import", importConfs),
                item("Export mosquitto files…", "Shortcut+E", "menu-export", export),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", "menu-quit", quit));
        menu.setId("menu-file");
        return menu;
    }

    private static void fillRecent(Menu recent, FileActions files) {
        List<Path> paths = files.recentFiles();
        recent.getItems().clear();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            MenuItem item = item(path.getFileName() + "  —  " + path.getParent(), null, "menu-recent-" + i,
                    () -> files.open(path));
            recent.getItems().add(item);
        }
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}

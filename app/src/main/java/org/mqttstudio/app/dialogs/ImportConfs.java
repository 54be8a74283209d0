package org.mqttstudio.app.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.mqttstudio.app.shell.FileActions;
import org.mqttstudio.app.shell.FileChoosers;
import org.mqttstudio.mosquitto.MosquittoConfException;
import org.mqttstudio.mosquitto.MosquittoConfReader;
import org.mqttstudio.topology.Topology;

/** File ▸ Import: mosquitto.conf files (one broker each) onto a new, laid-out, unsaved canvas. */
public final class ImportConfs {
    private final FileActions files;
    private final FileChoosers choosers;
    private final Window owner;
    private final Consumer<String> errors;

    /** @param errors told the reader's one-line reason, {@code FILE:LINE: what}, when a file cannot be read */
    public ImportConfs(FileActions files, FileChoosers choosers, Window owner, Consumer<String> errors) {
        this.files = files;
        this.choosers = choosers;
        this.owner = owner;
        this.errors = errors;
    }

    public void run() {
        if (files.mayDiscard()) {
            List<Path> confs = choosers.openConfs(owner);
            if (!confs.isEmpty()) {
                importFiles(confs);
            }
        }
    }

    /** Reads {@code confs} onto a new canvas; false (reported) when one cannot be read. */
    public boolean importFiles(List<Path> confs) {
        Topology t;
        try {
            t = new MosquittoConfReader().read(confs);
        } catch (MosquittoConfException e) {
            errors.accept(e.getMessage());
            return false;
        }
        files.replace(Topology.empty(), null, t, "Import " + confs.size() + " mosquitto.conf file(s)");
        return true;
    }
}

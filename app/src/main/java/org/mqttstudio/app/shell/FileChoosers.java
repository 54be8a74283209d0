package org.mqttstudio.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** The native file choosers, behind an interface: headless tests answer them directly. */
public interface FileChoosers {
    Optional<Path> openTopology(Window owner, Path initialFolder);

    Optional<Path> saveTopology(Window owner, Path initialFile);

    /** mosquitto.conf files to import; empty when cancelled. */
    List<Path> openConfs(Window owner);

    Optional<Path> folder(Window owner, Path initialFolder);
}

package org.mqttstudio.app.animation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.mqttstudio.app.shell.FileChoosers;

/** The test opens files itself; no dialog is ever answered. */
final class NoChoosers implements FileChoosers {
    @Override
    public Optional<Path> openTopology(Window owner, Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> saveTopology(Window owner, Path initialFile) {
        return Optional.empty();
    }

    @Override
    public List<Path> openConfs(Window owner) {
        return List.of();
    }

    @Override
    public Optional<Path> folder(Window owner, Path initialFolder) {
        return Optional.empty();
    }
}

package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.mqttstudio.app.shell.FileChoosers;

/** File choosers answered by the test: native choosers cannot be driven headless. */
final class FakeChoosers implements FileChoosers {
    Path open;
    Path save;
    Path folder;
    List<Path> confs = List.of();
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> openTopology(Window owner, Path initialFolder) {
        asked.add("open");
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> saveTopology(Window owner, Path initialFile) {
        asked.add("save");
        return Optional.ofNullable(save);
    }

    @Override
    public List<Path> openConfs(Window owner) {
        asked.add("confs");
        return confs;
    }

    @Override
    public Optional<Path> folder(Window owner, Path initialFolder) {
        asked.add("folder");
        return Optional.ofNullable(folder);
    }
}

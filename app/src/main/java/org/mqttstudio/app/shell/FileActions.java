package org.mqttstudio.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.stage.Window;
import javafx.util.Duration;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.app.edit.Edit;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyFileException;
import org.mqttstudio.topology.TopologyJson;

/**
 * New, Open, Save, Save As, recent files and autosave for one {@link Document}. Every action that
 * would drop unsaved changes asks first (Save / Discard / Cancel). While the document has
 * unsaved changes they are copied to the recovery file every few seconds; saving or
 * discarding removes it.
 */
public final class FileActions {
    public static final String UNTITLED = "Untitled";
    public static final int AUTOSAVE_SECONDS = 5;

    private final Document document;
    private final Window owner;
    private final FileChoosers choosers;
    private final Questions questions;
    private final Consumer<String> errors;
    private final TopologyJson json = new TopologyJson();
    private final RecentFiles recent;
    private final Autosave autosave;
    private final Timeline timer;
    private Topology autosaved;

    /**
     * @param autosaveEvery how often unsaved changes are copied to the recovery file
     * @param errors told one line (file, line, reason) when a file cannot be read or written
     */
    public FileActions(Document document, Window owner, Path configFolder, FileChoosers choosers, Questions questions,
            java.time.Duration autosaveEvery, Consumer<String> errors) {
        this.document = document;
        this.owner = owner;
        this.choosers = choosers;
        this.questions = questions;
        this.errors = errors;
        this.recent = new RecentFiles(configFolder);
        this.autosave = new Autosave(configFolder);
        timer = new Timeline(new KeyFrame(Duration.millis(autosaveEvery.toMillis()), e -> autosaveNow()));
        timer.setCycleCount(Animation.INDEFINITE);
    }

    /** "*challenge.json — App" while there are unsaved changes, "challenge.json — App" after saving. */
    public StringBinding title(String appName) {
        return Bindings.createStringBinding(() -> {
            Path file = document.fileProperty().get();
            boolean dirty = document.dirtyProperty().get();
            if (file == null && !dirty) {
                return appName;
            }
            return (dirty ? "*" : "") + name() + " — " + appName;
        }, document.fileProperty(), document.dirtyProperty());
    }

    /** The document's file name, or "Untitled". */
    public String name() {
        Path file = document.fileProperty().get();
        return file == null ? UNTITLED : file.getFileName().toString();
    }

    public void startAutosave() {
        timer.play();
    }

    /** Stops copying to the recovery file (leaving it as it is). */
    public void stopAutosave() {
        timer.stop();
    }

    public void newFile() {
        if (mayDiscard()) {
            load(Topology.empty(), null);
        }
    }

    public void open() {
        if (mayDiscard()) {
            Path folder = Optional.ofNullable(document.fileProperty().get()).map(Path::getParent)
                    .or(() -> recent.list().stream().findFirst().map(Path::getParent)).orElse(null);
            choosers.openTopology(owner, folder).ifPresent(this::read);
        }
    }

    /** Opens {@code path} after asking about unsaved changes (menus: recent files, samples). */
    public boolean open(Path path) {
        return mayDiscard() && read(path);
    }

    /** Reads and shows {@code path} without asking; false (reported) when it cannot be read. */
    public boolean read(Path path) {
        Topology t;
        try {
            t = json.read(path);
        } catch (TopologyFileException e) {
            errors.accept(e.getMessage());
            return false;
        }
        load(t, path);
        recent.add(path);
        return true;
    }

    public boolean save() {
        Path file = document.fileProperty().get();
        return file == null ? saveAs() : write(file);
    }

    public boolean saveAs() {
        return choosers.saveTopology(owner, Optional.ofNullable(document.fileProperty().get())
                .orElse(Path.of(System.getProperty("user.home"), "topology.json")))
                .map(this::write).orElse(false);
    }

    /**
     * Starts an unsaved document holding {@code t} (an import, a recovered canvas): one undo step
     * away from {@code base}, so it is marked unsaved and undo shows what came before.
     */
    public void replace(Topology base, Path baseFile, Topology t, String description) {
        load(base, baseFile);
        document.execute(Edit.of(description, before -> t));
    }

    /** Asks about unsaved changes; true when the caller may drop the document. */
    public boolean mayDiscard() {
        if (!document.dirtyProperty().get()) {
            return true;
        }
        return switch (questions.unsavedChanges(name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** For closing the window: asks, then stops autosaving and removes the recovery file. */
    public boolean close() {
        if (!mayDiscard()) {
            return false;
        }
        timer.stop();
        autosave.clear();
        return true;
    }

    /** Copies unsaved changes to the recovery file (the timer calls this every few seconds). */
    public void autosaveNow() {
        Topology t = document.topology();
        if (!document.dirtyProperty().get()) {
            if (autosaved != null) {
                autosave.clear();
                autosaved = null;
            }
            return;
        }
        if (t.equals(autosaved)) {
            return;
        }
        try {
            autosave.write(t, document.fileProperty().get(), Instant.now());
            autosaved = t;
        } catch (IOException e) {
            errors.accept(autosave.file() + ": cannot write the recovery file: " + IoReason.of(e));
            timer.stop();
        }
    }

    /**
     * At start: offers what a previous run left unsaved. Returns true when the user recovered it;
     * when declined, the recovery file is removed.
     */
    public boolean offerRecovery() {
        return autosave.pending().map(recovery -> {
            String name = recovery.file() == null ? UNTITLED : recovery.file().getFileName().toString();
            if (!questions.recover(recovery.savedAt(), name)) {
                autosave.clear();
                return false;
            }
            Topology base = Topology.empty();
            Path baseFile = null;
            if (recovery.file() != null && Files.isRegularFile(recovery.file())) {
                try {
                    base = json.read(recovery.file());
                    baseFile = recovery.file();
                } catch (TopologyFileException e) {
                    errors.accept(e.getMessage());
                }
            }
            replace(base, baseFile, recovery.topology(), "Recover unsaved changes");
            autosaveNow();
            return true;
        }).orElse(false);
    }

    public List<Path> recentFiles() {
        return recent.list();
    }

    private boolean write(Path file) {
        try {
            json.write(document.topology(), file);
        } catch (IOException e) {
            errors.accept(file + ": cannot save: " + IoReason.of(e));
            return false;
        }
        document.setFile(file);
        document.markSaved();
        recent.add(file);
        autosave.clear();
        autosaved = null;
        return true;
    }

    private void load(Topology t, Path file) {
        document.load(t, file);
        autosave.clear();
        autosaved = null;
    }
}

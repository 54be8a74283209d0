package org.mqttstudio.app.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.explorer.ExplorerConnection;
import org.mqttstudio.explorer.HistoryLimits;
import org.mqttstudio.explorer.HistoryLimitsStore;
import org.mqttstudio.explorer.ProfileStore;

/**
 * The topic explorer's window: one tab per connection, several at once (to watch both ends of a bridge). A new
 * connection subscribes to {@code #} once it is up; closing the window disconnects every tab.
 */
public final class ExplorerWindow {
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Label message = new Label();
    private final List<ConnectionTab> open = new ArrayList<>();
    private final ExplorerServices services;
    private final ConnectDialog dialog;
    private final HistoryLimitsStore limitsStore;
    private HistoryLimits limits;

    /**
     * @param defaults the history limits until the user sets others (then those, saved in the config folder)
     * @param stylesheet the app's CSS, as a URL string; empty for none
     */
    public ExplorerWindow(ExplorerServices services, HistoryLimits defaults, Optional<String> stylesheet) {
        this.services = services;
        Consumer<String> errors = message::setText;
        this.dialog = new ConnectDialog(new ProfileStore(services.configFolder()), errors);
        this.limitsStore = new HistoryLimitsStore(services.configFolder());
        this.limits = savedLimits(defaults);
        Button connect = new Button("Connect to broker…");
        connect.setId("explorer-connect");
        connect.setOnAction(e -> ask(ConnectionProfile.of("127.0.0.1", 1883)));
        Button history = new Button("History limits…");
        history.setId("explorer-limits");
        history.setOnAction(e -> LimitsDialog.ask(stage, limits, limitsStore.file().toString())
                .ifPresent(this::setLimits));
        message.setId("explorer-message");
        message.getStyleClass().add("field-error");
        tabs.setId("explorer-tabs");
        BorderPane root = new BorderPane(tabs);
        root.setTop(new ToolBar(connect, history, message));
        Scene scene = new Scene(root, 1200, 780);
        stylesheet.ifPresent(css -> scene.getStylesheets().add(css));
        stage.setScene(scene);
        stage.setTitle("Topic explorer — MQTT Topology Studio");
        stage.setOnHidden(e -> List.copyOf(open).forEach(ConnectionTab::close));
    }

    private HistoryLimits savedLimits(HistoryLimits defaults) {
        try {
            return limitsStore.load(defaults);
        } catch (java.io.IOException e) {
            message.setText(e.getMessage() + " (the defaults apply)");
            return defaults;
        }
    }

    /** New history limits: saved, applied to every open tab at once and to the tabs opened from now on. */
    void setLimits(HistoryLimits next) {
        limits = next;
        open.forEach(tab -> tab.limitHistory(next));
        try {
            limitsStore.save(next);
            message.setText("");
        } catch (java.io.IOException e) {
            message.setText("could not save the history limits in " + limitsStore.file() + ": " + e.getMessage());
        }
    }

    HistoryLimits limits() {
        return limits;
    }

    public Stage stage() {
        return stage;
    }

    /** Asks for a connection (starting from {@code initial}) and opens it. */
    public void ask(ConnectionProfile initial) {
        show();
        dialog.ask(stage, initial).ifPresent(this::connect);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /**
     * Opens a tab for the profile and connects in the background; the tab shows the state, a refusal in words.
     *
     * @return the tab's connection
     */
    public ExplorerConnection connect(ConnectionProfile profile) {
        show();
        ExplorerConnection connection;
        try {
            connection = ExplorerConnection.of(profile, limits);
        } catch (IllegalArgumentException badTlsFile) {
            message.setText(badTlsFile.getMessage());
            return null;
        }
        ConnectionTab tab = new ConnectionTab(connection, services, message::setText);
        open.add(tab);
        tab.tab().setOnClosed(e -> {
            tab.close();
            open.remove(tab);
        });
        tabs.getTabs().add(tab.tab());
        tabs.getSelectionModel().select(tab.tab());
        connection.connect().whenComplete((done, failure) -> {
            if (failure == null) {
                Platform.runLater(() -> tab.subscriptions().subscribe("#"));
            }
        });
        return connection;
    }

    /** What the selected tab holds and what its frames cost so far (the UI bench reads it); on the FX thread. */
    public ExplorerLoad load() {
        return selected().map(ConnectionTab::load).orElse(ExplorerLoad.NONE);
    }

    /** Plots the first number of {@code topic}'s payloads in the selected tab's chart, and shows the chart. */
    public void plot(String topic) {
        selected().ifPresent(tab -> tab.plot(topic));
    }

    private Optional<ConnectionTab> selected() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        return open.stream().filter(t -> t.tab() == shown).findFirst();
    }

    /** The tabs open now, in order. */
    List<ConnectionTab> tabs() {
        return List.copyOf(open);
    }
}

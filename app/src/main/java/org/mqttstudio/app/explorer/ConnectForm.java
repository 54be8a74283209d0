package org.mqttstudio.app.explorer;

import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.explorer.ProtocolVersion;
import org.mqttstudio.explorer.TlsSettings;
import org.mqttstudio.explorer.Transport;
import org.mqttstudio.explorer.WillMessage;

/**
 * The fields of "Connect to broker…": host, port, transport and WebSocket path, TLS (CA file or the system trust
 * store, client certificate and key, "insecure" with its warning), user name and password with "remember", client
 * id, MQTT version, keep-alive, clean start, session expiry, and a last will. {@link #profile()} builds the
 * validated profile or throws with the field's problem.
 */
final class ConnectForm {
    private final GridPane grid = new GridPane();
    final TextField name = field("connect-name", "shown on the tab");
    final TextField host = field("connect-host", "127.0.0.1");
    final TextField port = field("connect-port", "1883");
    final ChoiceBox<Transport> transport = new ChoiceBox<>(FXCollections.observableArrayList(Transport.values()));
    final TextField wsPath = field("connect-ws-path", "mqtt");
    final CheckBox tls = new CheckBox("TLS");
    final TextField caFile = field("connect-ca", "CA file (PEM); empty: the system's trust store");
    final TextField clientCert = field("connect-cert", "client certificate (PEM), optional");
    final TextField clientKey = field("connect-key", "client key (PKCS#8 PEM)");
    final CheckBox insecure = new CheckBox("Insecure: skip the host name check");
    final TextField username = field("connect-user", "");
    final PasswordField password = new PasswordField();
    final CheckBox remember = new CheckBox("Remember password (saved in a file only you can read)");
    final TextField clientId = field("connect-client-id", "");
    final ChoiceBox<ProtocolVersion> version = new ChoiceBox<>(FXCollections.observableArrayList(ProtocolVersion.values()));
    final TextField keepAlive = field("connect-keepalive", "seconds");
    final CheckBox cleanStart = new CheckBox("Clean start");
    final TextField sessionExpiry = field("connect-session-expiry", "seconds (MQTT 5)");
    final TextField willTopic = field("connect-will-topic", "empty: no last will");
    final TextField willPayload = field("connect-will-payload", "");
    final ChoiceBox<Integer> willQos = new ChoiceBox<>(FXCollections.observableArrayList(0, 1, 2));
    final CheckBox willRetain = new CheckBox("Retain will");
    private final Label insecureWarning = new Label("Warning: any certificate for any host name is accepted by name");

    ConnectForm(ConnectionProfile initial) {
        password.setId("connect-password");
        transport.setId("connect-transport");
        version.setId("connect-version");
        insecureWarning.getStyleClass().add("field-error");
        insecureWarning.visibleProperty().bind(insecure.selectedProperty());
        grid.setHgap(8);
        grid.setVgap(5);
        int row = 0;
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("Host"), host, new Label("Port"), port);
        grid.addRow(row++, new Label("Transport"), transport, new Label("WebSocket path"), wsPath);
        grid.addRow(row++, tls, caFile);
        grid.addRow(row++, new Label(""), clientCert, new Label(""), clientKey);
        grid.addRow(row++, new Label(""), insecure, new Label(""), insecureWarning);
        grid.addRow(row++, new Label("User name"), username, new Label("Password"), password);
        grid.addRow(row++, new Label(""), remember);
        grid.addRow(row++, new Label("Client id"), clientId, new Label("MQTT"), version);
        grid.addRow(row++, new Label("Keep-alive (s)"), keepAlive, cleanStart, sessionExpiry);
        grid.addRow(row++, new Label("Last will topic"), willTopic, new Label("Will payload"), willPayload);
        grid.addRow(row, new Label(""), willQos, new Label(""), willRetain);
        wsPath.disableProperty().bind(transport.valueProperty().isNotEqualTo(Transport.WEBSOCKET));
        for (var field : new javafx.scene.Node[] {caFile, clientCert, clientKey, insecure}) {
            field.disableProperty().bind(tls.selectedProperty().not());
        }
        fill(initial);
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    GridPane node() {
        return grid;
    }

    void fill(ConnectionProfile p) {
        name.setText(p.name());
        host.setText(p.host());
        port.setText(Integer.toString(p.port()));
        transport.setValue(p.transport());
        wsPath.setText(p.webSocketPath());
        tls.setSelected(p.tls().isPresent());
        caFile.setText(p.tls().flatMap(TlsSettings::caFile).map(Path::toString).orElse(""));
        clientCert.setText(p.tls().flatMap(TlsSettings::clientCert).map(Path::toString).orElse(""));
        clientKey.setText(p.tls().flatMap(TlsSettings::clientKey).map(Path::toString).orElse(""));
        insecure.setSelected(p.tls().map(TlsSettings::insecure).orElse(false));
        username.setText(p.username().orElse(""));
        password.setText(p.password().orElse(""));
        remember.setSelected(p.rememberPassword());
        clientId.setText(p.clientId());
        version.setValue(p.version());
        keepAlive.setText(Integer.toString(p.keepAliveSeconds()));
        cleanStart.setSelected(p.cleanStart());
        sessionExpiry.setText(Long.toString(p.sessionExpirySeconds()));
        willTopic.setText(p.will().map(WillMessage::topic).orElse(""));
        willPayload.setText(p.will().map(WillMessage::payload).orElse(""));
        willQos.setValue(p.will().map(WillMessage::qos).orElse(0));
        willRetain.setSelected(p.will().map(WillMessage::retain).orElse(false));
    }

    /**
     * The profile the fields describe.
     *
     * @throws IllegalArgumentException with the field's name and problem
     */
    ConnectionProfile profile() {
        Optional<TlsSettings> tlsSettings = tls.isSelected()
                ? Optional.of(new TlsSettings(path(caFile), path(clientCert), path(clientKey), insecure.isSelected()))
                : Optional.empty();
        Optional<WillMessage> will = willTopic.getText().isBlank() ? Optional.empty()
                : Optional.of(new WillMessage(willTopic.getText().strip(), willPayload.getText(), willQos.getValue(),
                        willRetain.isSelected()));
        return new ConnectionProfile(name.getText(), host.getText(), number(port, "port"), transport.getValue(),
                wsPath.getText(), tlsSettings, Optional.of(username.getText()), Optional.of(password.getText()),
                remember.isSelected(), clientId.getText().isBlank() ? ConnectionProfile.generateClientId()
                        : clientId.getText().strip(), version.getValue(), number(keepAlive, "keep-alive"),
                cleanStart.isSelected(), number(sessionExpiry, "session expiry"), will);
    }

    private static Optional<Path> path(TextField field) {
        return field.getText().isBlank() ? Optional.empty() : Optional.of(Path.of(field.getText().strip()));
    }

    private static int number(TextField field, String what) {
        try {
            return Integer.parseInt(field.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + field.getText().strip() + "' is not a whole number");
        }
    }
}

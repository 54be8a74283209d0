package org.mqttstudio.app.explorer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mqttstudio.explorer.ExplorerConnection;
import org.mqttstudio.explorer.OutgoingMessage;
import org.mqttstudio.explorer.PayloadViews;
import org.mqttstudio.explorer.ProtocolVersion;
import org.mqttstudio.explorer.SentMessage;
import org.mqttstudio.explorer.UserProperty;

/**
 * Publishes a message: topic, payload as text, JSON (validated as you type) or hex, QoS, retain, and for MQTT 5 user
 * properties, content type, message expiry, response topic and correlation data. The broker's answer is shown in
 * words; what was sent is listed, and double-clicking an entry puts it back in the form.
 */
final class PublishForm {
    enum Format { TEXT, JSON, HEX }

    private final VBox box = new VBox(6);
    private final TextField topic = field("explorer-pub-topic", "topic, e.g. srv/temperature");
    private final ChoiceBox<Format> format = new ChoiceBox<>(FXCollections.observableArrayList(Format.values()));
    private final TextArea payload = new TextArea();
    private final ChoiceBox<Integer> qos = new ChoiceBox<>(FXCollections.observableArrayList(0, 1, 2));
    private final CheckBox retain = new CheckBox("Retain");
    private final TextArea userProperties = new TextArea();
    private final TextField contentType = field("explorer-pub-content-type", "e.g. application/json");
    private final TextField expiry = field("explorer-pub-expiry", "seconds");
    private final TextField responseTopic = field("explorer-pub-response-topic", "topic for replies");
    private final TextField correlation = field("explorer-pub-correlation", "text");
    private final Label problem = new Label();
    private final Label result = new Label();
    private final ObservableList<SentMessage> sent = FXCollections.observableArrayList();
    private final ExplorerConnection connection;

    PublishForm(ExplorerConnection connection) {
        this.connection = connection;
        format.setValue(Format.TEXT);
        format.setId("explorer-pub-format");
        payload.setId("explorer-pub-payload");
        payload.setPrefRowCount(4);
        qos.setValue(0);
        qos.setId("explorer-pub-qos");
        retain.setId("explorer-pub-retain");
        userProperties.setId("explorer-pub-user-properties");
        userProperties.setPromptText("one per line: name=value");
        userProperties.setPrefRowCount(2);
        problem.setId("explorer-pub-problem");
        problem.getStyleClass().add("field-error");
        result.setId("explorer-pub-result");
        payload.textProperty().addListener((o, old, t) -> validate());
        format.valueProperty().addListener((o, old, f) -> validate());
        Button send = new Button("Publish");
        send.setId("explorer-publish");
        send.setDefaultButton(false);
        send.setOnAction(e -> publish());

        GridPane mqtt5 = new GridPane();
        mqtt5.setHgap(6);
        mqtt5.setVgap(4);
        mqtt5.addRow(0, new Label("User properties"), userProperties);
        mqtt5.addRow(1, new Label("Content type"), contentType);
        mqtt5.addRow(2, new Label("Message expiry"), expiry);
        mqtt5.addRow(3, new Label("Response topic"), responseTopic);
        mqtt5.addRow(4, new Label("Correlation data"), correlation);
        TitledPane v5 = new TitledPane("MQTT 5 properties", mqtt5);
        v5.setExpanded(false);
        v5.setDisable(connection.profile().version() != ProtocolVersion.V5);

        ListView<SentMessage> history = new ListView<>(sent);
        history.setId("explorer-pub-history");
        history.setPrefHeight(90);
        history.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SentMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : ExplorerFormat.TIME.format(m.time()) + "  " + m.message().topic()
                        + "  QoS " + m.message().qos() + (m.message().retain() ? " retained" : "") + " — "
                        + m.result().message());
            }
        });
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && history.getSelectionModel().getSelectedItem() != null) {
                fill(history.getSelectionModel().getSelectedItem().message());
            }
        });
        box.getChildren().addAll(new Label("Topic"), topic, new HBox(8, new Label("Payload as"), format, qos, retain),
                payload, v5, new HBox(8, send, result), problem, new Label("Published (double-click to edit again)"),
                history);
        box.setPadding(new Insets(6));
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    VBox node() {
        return box;
    }

    private void validate() {
        problem.setText(payloadProblem().orElse(""));
    }

    private Optional<String> payloadProblem() {
        return switch (format.getValue()) {
            case TEXT -> Optional.empty();
            case JSON -> PayloadViews.jsonProblem(payload.getText());
            case HEX -> {
                try {
                    PayloadViews.parseHex(payload.getText());
                    yield Optional.empty();
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
            }
        };
    }

    /** Builds the message from the form; a field's problem is shown beside the button, nothing is sent. */
    void publish() {
        OutgoingMessage message;
        try {
            message = message();
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        problem.setText("");
        result.setText("publishing…");
        connection.publish(message).whenComplete((outcome, failure) -> Platform.runLater(() -> {
            result.setText(failure != null ? "failed: " + failure.getMessage() : outcome.message());
            sent.setAll(connection.sent());
        }));
    }

    private OutgoingMessage message() {
        Optional<String> bad = payloadProblem();
        if (bad.isPresent()) {
            throw new IllegalArgumentException("payload: " + bad.get());
        }
        byte[] bytes = format.getValue() == Format.HEX ? PayloadViews.parseHex(payload.getText())
                : payload.getText().getBytes(StandardCharsets.UTF_8);
        if (connection.profile().version() != ProtocolVersion.V5) {
            return OutgoingMessage.of(topic.getText().strip(), bytes, qos.getValue(), retain.isSelected());
        }
        return new OutgoingMessage(topic.getText().strip(), bytes, qos.getValue(), retain.isSelected(),
                userProperties(), text(contentType), text(expiry).map(PublishForm::seconds), text(responseTopic),
                text(correlation).map(c -> c.getBytes(StandardCharsets.UTF_8)));
    }

    private List<UserProperty> userProperties() {
        List<UserProperty> properties = new ArrayList<>();
        String[] lines = userProperties.getText().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("user properties, line " + (i + 1) + ": write name=value");
            }
            properties.add(new UserProperty(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        return properties;
    }

    private static Optional<String> text(TextField field) {
        return Optional.of(field.getText().strip()).filter(s -> !s.isEmpty());
    }

    private static long seconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("message expiry: '" + text + "' is not a number of seconds");
        }
    }

    /** Puts a sent message back in the form. */
    void fill(OutgoingMessage message) {
        topic.setText(message.topic());
        format.setValue(Format.TEXT);
        payload.setText(new String(message.payload(), StandardCharsets.UTF_8));
        qos.setValue(message.qos());
        retain.setSelected(message.retain());
        StringBuilder props = new StringBuilder();
        message.userProperties().forEach(u -> props.append(u.name()).append('=').append(u.value()).append('\n'));
        userProperties.setText(props.toString());
        contentType.setText(message.contentType().orElse(""));
        expiry.setText(message.messageExpirySeconds().map(String::valueOf).orElse(""));
        responseTopic.setText(message.responseTopic().orElse(""));
        correlation.setText(message.correlationData().map(c -> new String(c, StandardCharsets.UTF_8)).orElse(""));
    }

    String resultText() {
        return result.getText();
    }
}

package org.mqttstudio.app.explorer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.LineDiff;
import org.mqttstudio.explorer.Mqtt5Details;
import org.mqttstudio.explorer.PayloadViews;

/**
 * One message in every view: text, highlighted pretty JSON, hex, base64, the diff against the previous message of
 * its topic, and its properties (MQTT 5 ones included).
 */
final class MessageDetails {
    private final TabPane tabs = new TabPane();
    private final TextArea text = area("explorer-text");
    private final CodeArea json = code("explorer-json");
    private final TextArea hex = area("explorer-hex");
    private final TextArea base64 = area("explorer-base64");
    private final CodeArea diff = code("explorer-diff");
    private final TextArea properties = area("explorer-properties");
    private final Tab jsonTab = new Tab("JSON", new VirtualizedScrollPane<>(json));
    private final Tab diffTab = new Tab("Diff", new VirtualizedScrollPane<>(diff));

    MessageDetails() {
        tabs.setId("explorer-details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("Text", text), jsonTab, new Tab("Hex", hex), new Tab("Base64", base64),
                diffTab, new Tab("Properties", properties));
        hex.getStyleClass().add("monospace");
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        return area;
    }

    private static CodeArea code(String id) {
        CodeArea area = new CodeArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("payload-code");
        return area;
    }

    TabPane node() {
        return tabs;
    }

    /** Shows a message, diffed against {@code previous} when there is one; null clears the views. */
    void show(ExplorerMessage message, Optional<ExplorerMessage> previous) {
        if (message == null) {
            List.of(text, hex, base64, properties).forEach(TextArea::clear);
            json.clear();
            diff.clear();
            return;
        }
        byte[] payload = message.payload();
        text.setText(PayloadViews.text(payload));
        Optional<String> pretty = PayloadViews.prettyJson(payload);
        json.replaceText(pretty.orElse("(not JSON)"));
        pretty.ifPresent(p -> json.setStyleSpans(0, Highlighting.json(p)));
        jsonTab.setDisable(pretty.isEmpty());
        hex.setText(PayloadViews.hexDump(payload));
        base64.setText(PayloadViews.base64(payload));
        if (previous.isPresent()) {
            List<LineDiff.Line> lines = LineDiff.ofPayloads(previous.get().payload(), payload);
            diff.replaceText(Highlighting.diffText(lines));
            diff.setStyleSpans(0, Highlighting.diff(lines));
            diffTab.setDisable(false);
        } else {
            diff.replaceText("(the first message of this topic: nothing to compare)");
            diffTab.setDisable(true);
        }
        properties.setText(String.join("\n", describe(message)));
    }

    /** One line per property of the message. */
    static List<String> describe(ExplorerMessage m) {
        List<String> lines = new ArrayList<>();
        lines.add("topic: " + m.topic());
        lines.add("received: " + ExplorerFormat.TIME.format(m.receivedAt()));
        lines.add("QoS: " + m.qos());
        lines.add("retain: " + m.retain());
        lines.add("size: " + m.size() + " bytes");
        Mqtt5Details d = m.mqtt5();
        d.userProperties().forEach(u -> lines.add("user property: " + u.name() + " = " + u.value()));
        d.contentType().ifPresent(c -> lines.add("content type: " + c));
        d.payloadFormatUtf8().ifPresent(f -> lines.add("payload format: " + (f ? "UTF-8 text" : "bytes")));
        d.messageExpirySeconds().ifPresent(s -> lines.add("message expiry: " + s + " s"));
        d.responseTopic().ifPresent(r -> lines.add("response topic: " + r));
        d.correlationData().ifPresent(c -> lines.add("correlation data: " + new String(c, StandardCharsets.UTF_8)
                + " (base64 " + Base64.getEncoder().encodeToString(c) + ")"));
        return lines;
    }

    String propertiesText() {
        return properties.getText();
    }

    String jsonText() {
        return json.getText();
    }

    String hexText() {
        return hex.getText();
    }

    String diffText() {
        return diff.getText();
    }

    void select(String tabTitle) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(tabTitle)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}

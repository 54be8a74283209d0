package org.mqttstudio.app.tracepanel;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.TopicFilter;

/**
 * The selected packet in full: every decoded field (CONNECT flags, keep alive, will, user name, SUBSCRIBE filters with
 * their QoS, reason codes with their names, MQTT 5 properties) and a hex + ASCII dump of its bytes. A CONNECT's password
 * is never shown: it is masked in the dump.
 */
final class PacketDetails extends VBox {
    private final TextArea fields = area("packet-fields");
    private final TextArea hex = area("packet-hex");

    PacketDetails() {
        getStyleClass().add("packet-details");
        setId("packet-details");
        Label bytesTitle = new Label("Bytes");
        bytesTitle.getStyleClass().add("packet-details-title");
        Label fieldsTitle = new Label("Packet");
        fieldsTitle.getStyleClass().add("packet-details-title");
        VBox.setVgrow(fields, Priority.ALWAYS);
        VBox.setVgrow(hex, Priority.ALWAYS);
        getChildren().addAll(fieldsTitle, fields, bytesTitle, hex);
        show(null);
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("packet-text");
        return area;
    }

    /** Shows {@code row}, or a hint when nothing (or a gap) is selected. */
    void show(TraceRow row) {
        if (row == null) {
            fields.setText("Select a packet to see its fields and bytes.");
            hex.setText("");
        } else if (row.isGap()) {
            fields.setText(row.payload() + ".\nPackets " + row.sequence() + " to " + (row.sequence() + row.lost() - 1)
                    + " of the run were not read in time; the export of everything has only what the table kept.");
            hex.setText("");
        } else {
            PacketEvent e = row.event();
            Optional<ConnectFields> connect = e.type() == PacketType.CONNECT ? ConnectFields.parse(e.raw())
                    : Optional.empty();
            fields.setText(describe(row, connect));
            hex.setText(HexDump.format(e.raw(), connect.map(ConnectFields::passwordFrom).orElse(0),
                    connect.map(ConnectFields::passwordTo).orElse(0)));
        }
    }

    String fieldsText() {
        return fields.getText();
    }

    String hexText() {
        return hex.getText();
    }

    private static String describe(TraceRow row, Optional<ConnectFields> connect) {
        PacketEvent e = row.event();
        StringBuilder out = new StringBuilder();
        line(out, "type", e.type().name());
        line(out, "direction", e.direction() == PacketDirection.CLIENT_TO_BROKER ? "client → broker" : "broker → client");
        line(out, "node", row.node() + " (port " + e.nodePort() + ")");
        line(out, "client id", e.clientId() == null ? "(not known yet)" : e.clientId());
        line(out, "connection", "#" + e.connectionId() + " from " + e.clientAddress().getHostString() + ":"
                + e.clientAddress().getPort());
        if (e.protocolVersion() != null) {
            line(out, "protocol", switch (e.protocolVersion()) {
                case 3 -> "MQTT 3.1";
                case 4 -> "MQTT 3.1.1";
                case 5 -> "MQTT 5";
                default -> "level " + e.protocolVersion();
            });
        }
        line(out, "time", e.time().toString() + " (" + row.time() + " ms after Run)");
        line(out, "size", e.size() + " bytes");
        if (e.packetId() != null) {
            line(out, "packet id", e.packetId().toString());
        }
        if (e.type() == PacketType.PUBLISH || e.type() == PacketType.PUBREL || e.type() == PacketType.SUBSCRIBE) {
            line(out, "QoS", Integer.toString(e.qos()));
        }
        if (e.type() == PacketType.PUBLISH) {
            line(out, "DUP", e.dup() ? "yes" : "no");
            line(out, "RETAIN", e.retain() ? "yes" : "no");
        }
        connect.ifPresent(c -> {
            line(out, "clean session", c.cleanSession() ? "yes" : "no");
            line(out, "user name flag", c.username() ? "yes" : "no");
            line(out, "password", c.password() ? "set (hidden; masked as ** in the bytes)" : "none");
            line(out, "will", c.will() ? "yes, QoS " + c.willQos() + (c.willRetain() ? ", retained" : "") : "none");
        });
        if (e.topic() != null) {
            line(out, e.type() == PacketType.CONNECT ? "will topic" : "topic", e.topic());
        } else if (!row.topic().isEmpty() && e.subscriptions().isEmpty()) {
            line(out, "topic", row.topic() + " (of the PUBLISH it answers)");
        }
        if (e.payload() != null) {
            line(out, e.type() == PacketType.CONNECT ? "will message" : "payload", e.payload().length + " bytes, "
                    + (e.payloadIsUtf8() ? "UTF-8: " + e.payloadText() : "binary (see the bytes)"));
        }
        for (TopicFilter f : e.subscriptions()) {
            line(out, "filter", f.filter() + (f.qos() == null ? "" : "  QoS " + f.qos()));
        }
        for (int code : e.reasonCodes()) {
            line(out, e.protocolVersion() != null && e.protocolVersion() == 5 ? "reason code" : "return code",
                    code + " (" + ReasonCodes.name(e.type(), code, e.protocolVersion()) + ")");
        }
        for (PacketProperty p : e.properties()) {
            line(out, p.name(), p.value());
        }
        if (e.error() != null) {
            line(out, "error", e.error());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-16s %s%n", name, value));
    }
}

package org.mqttstudio.app.tracepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketEvent;
import org.mqttstudio.trace.PacketProperty;
import org.mqttstudio.trace.PacketType;
import org.mqttstudio.trace.SequencedPacket;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The details pane of a CONNECT: every flag named, the password never shown, not even in the bytes. */
@ExtendWith(ApplicationExtension.class)
class PacketDetailsTest {
    /** MQTT 3.1.1 CONNECT: clean session, user name "u", password "secret", client id "c1", keep alive 60. */
    private static final byte[] CONNECT = HexFormat.of().parseHex(
            "1019" + "00044d515454" + "04" + "c2" + "003c" + "00026331" + "000175" + "0006736563726574");

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aConnectShowsItsFlagsAndHidesItsPassword(FxRobot robot) {
        PacketEvent connect = new PacketEvent(Instant.now(), "central", 1, new InetSocketAddress("127.0.0.1", 50_000),
                1884, "c1", PacketDirection.CLIENT_TO_BROKER, PacketType.CONNECT, null, 0, false, false, null, null,
                List.of(), List.of(), List.of(new PacketProperty("keep-alive", "60"),
                        new PacketProperty("clean-start", "true"), new PacketProperty("username", "u")), 4,
                CONNECT.length, CONNECT, null);
        TraceRow row = new RowFormatter(Instant.now(), id -> "Central").format(new SequencedPacket(0, connect));
        AtomicReference<String> fields = new AtomicReference<>();
        AtomicReference<String> hex = new AtomicReference<>();
        robot.interact(() -> {
            PacketDetails details = new PacketDetails();
            details.show(row);
            fields.set(details.fieldsText());
            hex.set(details.hexText());
        });

        assertThat(fields.get()).containsPattern("clean session +yes").containsPattern("user name flag +yes")
                .containsPattern("password +set \\(hidden").containsPattern("keep-alive +60")
                .containsPattern("username +u").containsPattern("protocol +MQTT 3.1.1").doesNotContain("secret");
        assertThat(hex.get()).doesNotContain("secret").doesNotContain("73 65 63 72 65 74")
                .contains("06 ** ** **  ** ** **").contains("|..u..******|");
        assertThat(new String(CONNECT, StandardCharsets.US_ASCII)).contains("secret"); // what was masked
    }

    @Test
    void aTruncatedConnectHidesNothingItCannotFind() {
        assertThat(ConnectFields.parse(new byte[] {0x10, 0x02, 0x00})).isEmpty();
        assertThat(ConnectFields.parse(CONNECT)).hasValueSatisfying(c -> {
            assertThat(c.passwordTo() - c.passwordFrom()).isEqualTo(6);
            assertThat(c.passwordTo()).isEqualTo(CONNECT.length);
        });
    }
}

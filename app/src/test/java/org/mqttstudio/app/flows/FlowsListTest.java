package org.mqttstudio.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;
import org.mqttstudio.trace.PacketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The flows list: newest first, a flow's row replaced where it is with the selection kept, bounded. */
@ExtendWith(ApplicationExtension.class)
class FlowsListTest {
    private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");
    private static final Participants NAMES = new Participants() {
        @Override
        public Participant node(String nodeId) {
            return new Participant("node:" + nodeId, "Broker", Participant.Role.BROKER);
        }

        @Override
        public ClientSide clientSide(FlowHop hop) {
            Participant.Role role = hop.direction() == PacketDirection.CLIENT_TO_BROKER ? Participant.Role.PUBLISHER
                    : Participant.Role.SUBSCRIBER;
            return new ClientSide(new Participant("client:" + hop.clientId(), hop.clientId(), role), null);
        }
    };

    private FlowsList list;

    @Start
    void start(Stage stage) {
        list = new FlowsList();
        stage.setScene(new Scene(list, 900, 400));
        stage.show();
    }

    /** Flow {@code id} published by "Pub" at QoS 1, delivered to "Sub" and acknowledged or not yet. */
    private static FlowRow row(long id, boolean acknowledged) {
        Instant at = T0.plusMillis(id);
        FlowHop in = new FlowHop("a", 1, "Pub", PacketDirection.CLIENT_TO_BROKER, "t", 1, (int) id, false, at,
                List.of(new FlowHop.Ack(PacketType.PUBACK, PacketDirection.BROKER_TO_CLIENT, at, List.of())));
        FlowHop out = new FlowHop("a", 2, "Sub", PacketDirection.BROKER_TO_CLIENT, "t", 1, (int) id, false, at,
                acknowledged ? List.of(new FlowHop.Ack(PacketType.PUBACK, PacketDirection.CLIENT_TO_BROKER, at,
                        List.of())) : List.of());
        return FlowRow.of(new MessageFlow(id, ("m" + id).getBytes(), List.of(in, out), acknowledged), NAMES);
    }

    @Test
    void aFlowsNewerSnapshotReplacesItsRowAndKeepsTheSelectionOnIt(FxRobot robot) {
        robot.interact(() -> list.accept(List.of(row(1, true), row(2, false), row(3, true))));
        assertThat(list.rows()).extracting(FlowRow::id).containsExactly(3L, 2L, 1L);
        FlowRow pending = list.rows().get(1);
        assertThat(pending.status()).isEqualTo("incomplete");
        assertThat(pending.reached()).isEqualTo("none");
        assertThat(pending.publisher()).isEqualTo("Pub");
        robot.interact(() -> list.getSelectionModel().select(pending));

        robot.interact(() -> list.accept(List.of(row(2, true), row(4, false))));
        assertThat(list.rows()).extracting(FlowRow::id).containsExactly(4L, 3L, 2L, 1L);
        FlowRow selected = list.getSelectionModel().getSelectedItem();
        assertThat(selected.id()).isEqualTo(2);
        assertThat(selected.complete()).isTrue();
        assertThat(selected.reached()).isEqualTo("Sub");
    }

    @Test
    void keepsTheNewestRowsUpToItsBound(FxRobot robot) {
        List<FlowRow> batch = new ArrayList<>();
        for (long id = 1; id <= FlowsList.MAX_ROWS + 50; id++) {
            batch.add(row(id, true));
        }
        robot.interact(() -> list.accept(batch));
        assertThat(list.rows()).hasSize(FlowsList.MAX_ROWS);
        assertThat(list.rows().get(0).id()).isEqualTo(FlowsList.MAX_ROWS + 50);
        assertThat(list.row(50)).isEmpty();
        assertThat(list.row(51)).isPresent();
    }
}

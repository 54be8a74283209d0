package org.mqttstudio.app.flows;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mqttstudio.trace.FlowHop;
import org.mqttstudio.trace.MessageFlow;
import org.mqttstudio.trace.PacketDirection;

/**
 * One row of the flows list, formatted off the FX thread: when the message was published, by whom, on which topic
 * at which QoS, over how many hops, whether every hop's handshake is over, and which subscribers it reached.
 *
 * @param flow the flow's snapshot the row was made from (a later snapshot of the same id replaces the row)
 */
public record FlowRow(long id, String time, String publisher, String topic, int qos, int hops, boolean complete,
                      String reached, MessageFlow flow) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public FlowRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(flow, "flow");
    }

    public static FlowRow of(MessageFlow flow, Participants participants) {
        FlowHop first = flow.hops().get(0);
        String publisher;
        if (first.direction() == PacketDirection.CLIENT_TO_BROKER) {
            Participants.ClientSide side = participants.clientSide(first);
            publisher = side.participant().name() + (side.bridge() == null ? "" : " via " + side.bridge());
        } else {
            publisher = participants.node(first.node()).name();
        }
        String reached = flow.hops().stream()
                .filter(h -> h.direction() == PacketDirection.BROKER_TO_CLIENT && h.handshakeComplete())
                .map(participants::clientSide)
                .filter(side -> side.participant().role() == Participant.Role.SUBSCRIBER)
                .map(side -> side.participant().name()).distinct().collect(Collectors.joining(", "));
        return new FlowRow(flow.id(), TIME.format(flow.start()), publisher, first.topic() == null ? "" : first.topic(),
                first.qos(), flow.hops().size(), flow.complete(), reached.isEmpty() ? "none" : reached, flow);
    }

    /** What the list's status column says. */
    public String status() {
        return complete ? "complete" : "incomplete";
    }
}

package org.mqttstudio.trace;

import java.util.ArrayList;
import java.util.List;

/** A hop while its flow is being put together: the PUBLISH seen, its handshake growing. */
final class OpenHop {
    private final OpenFlow flow;
    private final PacketEvent publish;
    private final List<FlowHop.Ack> acks = new ArrayList<>();

    OpenHop(OpenFlow flow, PacketEvent publish) {
        this.flow = flow;
        this.publish = publish;
    }

    OpenFlow flow() {
        return flow;
    }

    PacketEvent publish() {
        return publish;
    }

    boolean isOn(String node, long connectionId, PacketDirection direction) {
        return publish.node().equals(node) && publish.connectionId() == connectionId
                && publish.direction() == direction;
    }

    void add(PacketEvent packet) {
        acks.add(new FlowHop.Ack(packet.type(), packet.direction(), packet.time(), packet.reasonCodes()));
    }

    FlowHop snapshot() {
        return new FlowHop(publish.node(), publish.connectionId(), publish.clientId(), publish.direction(),
                publish.topic(), publish.qos(), publish.packetId(), publish.dup(), publish.time(), acks);
    }
}

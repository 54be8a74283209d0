package org.mqttstudio.mosquitto;

import java.util.List;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Logging;
import org.mqttstudio.topology.Persistence;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.RestartTimeout;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.User;

/** A topology that sets every option the exporter writes, beyond what the course samples use. */
final class RichTopology {
    /** Made by {@code mosquitto_passwd} for password "secret". */
    static final String ALICE_HASH = "$7$101$vPZM6IKDGNOmSAnV$34FA0rA2yeLjlkxrJ1bHh4w6CZJ9v7R+jukHAD9XQZWxdohESj6T1EZQCW"
            + "+HyHOaQMmaf//DHTz16fQSOwLrnw==";

    private RichTopology() {
    }

    static Topology create() {
        Broker edge = new Broker("edge", "Edge broker", null,
                List.of(Listener.mqtt(1883), new Listener(9001, Protocol.WEBSOCKETS, null)), false,
                List.of(new User("alice", ALICE_HASH), new User("bridge", ALICE_HASH)),
                List.of(new AclRule("alice", false, AclAccess.READWRITE, "srv/#"),
                        new AclRule(null, false, AclAccess.READ, "public/#"),
                        new AclRule("bridge", false, AclAccess.READ, "#"),
                        new AclRule(null, true, AclAccess.WRITE, "clients/%c/#"),
                        new AclRule("alice", false, AclAccess.DENY, "srv/secret")),
                new Persistence(true, null, 60),
                new Logging(List.of("stderr"), List.of("error", "warning"), false),
                new BrokerLimits(1, 10, 500, false, true),
                List.of("sys_interval 5", "max_keepalive 120"), new Position(100, 100));
        Broker hub = new Broker("hub", "Hub", "localhost", List.of(new Listener(1884, Protocol.MQTT, "127.0.0.1")), true,
                null, null, null, null, null, null, new Position(400, 100));
        ExternalBroker cloud = new ExternalBroker("cloud", "Cloud", "192.0.2.10", 8883, new Position(400, 300));
        Bridge toHub = new Bridge("edge_hub", "edge_hub", "edge", "hub",
                List.of(BridgeRule.out("srv/#", 0), new BridgeRule("cmd/#", Direction.IN, 1, null, null),
                        new BridgeRule("data/#", Direction.BOTH, 2, "local/", "remote/"),
                        new BridgeRule("x/#", Direction.OUT, 1, null, "site1/")),
                true, false, "edge-hub", "edge-hub-local", "bridge", "secret", "alice", "secret",
                BridgeProtocol.MQTTV50, 30, false, "status/edge_hub", StartType.LAZY, new RestartTimeout(5, 60), false,
                List.of("bridge_attempt_unsubscribe false", "idle_timeout 30"));
        Bridge toCloud = new Bridge("edge_cloud", "edge_cloud", "edge", "cloud", List.of(BridgeRule.out("srv/#", 1)),
                null, null, null, null, null, null, null, null, null, null, null, null, StartType.ONCE, null, null,
                null);
        return Topology.of("Rich", List.of(edge, hub), List.of(cloud), List.of(toHub, toCloud), List.of(), List.of());
    }
}

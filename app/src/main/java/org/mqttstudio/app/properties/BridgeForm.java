package org.mqttstudio.app.properties;

import java.util.List;
import java.util.Optional;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.routing.ClientIds;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeProtocol;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Topology;

/** A bridge: its topic rules and the connection options of its {@code connection} block. */
final class BridgeForm extends ElementForm<Bridge> {
    private static final List<Integer> QOS = List.of(0, 1, 2);

    BridgeForm(Document document, String id) {
        super(document, id, t -> t.bridge(id), Topology::withBridge);
        info("id", "Id", Bridge::id);
        text("name", "Name", Parsers.noSpaces("a bridge name"), Bridge::name, Bridge::withName);
        info("target", "Connects", b -> describe(document.topology(), b));

        rows("rules", "Topic rules", List.of(
                Column.<BridgeRule, String>text("Pattern", 76, BridgeForm::pattern, s -> s, BridgeRule::pattern,
                        BridgeRule::withPattern),
                Column.<BridgeRule, Direction>choice("Direction", List.of(Direction.values()), Direction::word,
                        BridgeRule::direction, BridgeRule::withDirection),
                Column.<BridgeRule, Integer>choice("QoS", QOS, String::valueOf, BridgeRule::qos, BridgeRule::withQos),
                Column.<BridgeRule, String>text("Local prefix", 56, Parsers.optional(), BridgeForm::orEmpty,
                        BridgeRule::localPrefix, BridgeRule::withLocalPrefix),
                Column.<BridgeRule, String>text("Remote prefix", 56, Parsers.optional(), BridgeForm::orEmpty,
                        BridgeRule::remotePrefix, BridgeRule::withRemotePrefix)),
                "Add rule", () -> Optional.of(BridgeRule.out("#", 0)), Bridge::rules, Bridge::withRules);

        section("Connection");
        toggle("cleansession", "Clean session", Bridge::cleanSession, Bridge::withCleanSession);
        var remoteId = text("remote-clientid", "Remote client id", Parsers.optional(), Bridge::remoteClientId,
                Bridge::withRemoteClientId);
        onRefresh(b -> remoteId.setPromptText(ClientIds.remoteForDisplay(b.withRemoteClientId(null))));
        var localId = text("local-clientid", "Local client id", Parsers.optional(), Bridge::localClientId,
                Bridge::withLocalClientId);
        onRefresh(b -> localId.setPromptText(ClientIds.localForDisplay(b.withLocalClientId(null))));
        text("remote-username", "Remote username", Parsers.optional(), Bridge::remoteUsername, Bridge::withRemoteUsername);
        secret("remote-password", "Remote password", Bridge::remotePassword, Bridge::withRemotePassword);
        choice("protocol", "Protocol version", List.of(BridgeProtocol.values()), BridgeProtocol::word,
                Bridge::protocolVersion, Bridge::withProtocolVersion);
        text("keepalive", "Keepalive (s)", Parsers.atLeast(0, "keepalive"), String::valueOf, Bridge::keepalive,
                Bridge::withKeepalive);
        toggle("notifications", "Notifications", Bridge::notifications, Bridge::withNotifications);
        choice("start-type", "Start type", List.of(StartType.values()), StartType::word, Bridge::startType,
                Bridge::withStartType);
        toggle("try-private", "try_private", Bridge::tryPrivate, Bridge::withTryPrivate);
    }

    @Override
    String kind() {
        return "Bridge";
    }

    /** An empty pattern is allowed (mosquitto's {@code ""} with prefixes); otherwise a filter. */
    private static String pattern(String text) {
        return text.isEmpty() ? text : Parsers.filter().parse(text);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String describe(Topology t, Bridge b) {
        String target = t.node(b.to()).map(node -> {
            if (node instanceof Broker broker) {
                return broker.name() + " (" + broker.host()
                        + broker.mqttListener().map(l -> ":" + l.port()).orElse(", no MQTT listener") + ")";
            }
            return node instanceof ExternalBroker e ? e.name() + " (" + e.address() + ")" : node.name();
        }).orElse(b.to());
        return t.nameOf(b.from()) + " → " + target;
    }
}

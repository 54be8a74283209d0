package org.mqttstudio.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mqttstudio.app.edit.Document;
import org.mqttstudio.topology.AclAccess;
import org.mqttstudio.topology.AclRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;
import org.mqttstudio.topology.User;

/** A broker: name, address, listeners, anonymous access, users (hashes only), ACL and persistence. */
final class BrokerForm extends ElementForm<Broker> {
    BrokerForm(Document document, String id) {
        super(document, id, t -> t.broker(id), (t, b) -> t.withNode(b));
        info("id", "Id", Broker::id);
        text("name", "Name", Parsers.required("the name"), Broker::name, Broker::withName);
        text("host", "Host", Parsers.optional(), Broker::host, Broker::withHost).setPromptText(Broker.DEFAULT_HOST);

        section("Listeners");
        text("ports", "MQTT ports", Parsers.ports(), BrokerForm::portsText, BrokerForm::mqttPorts,
                BrokerForm::withMqttPorts).setPromptText("1883, 1884");
        text("websockets-port", "WebSockets port", Parsers.optionalPort(), p -> p == null ? "" : p.toString(),
                BrokerForm::websocketsPort, BrokerForm::withWebsocketsPort).setPromptText("none");

        section("Security");
        toggle("anonymous", "Allow anonymous", Broker::allowAnonymous, Broker::withAllowAnonymous);
        rows("users", "Users", List.of(
                Column.<User, String>text("Name", 140, Parsers.noSpaces("a user name"), s -> s, User::name,
                        User::withName),
                Column.<User>button("Password", "Set…", user -> PasswordDialog.ask(owner(), user.name(), names())
                        .map(PasswordDialog.Result::user))),
                "Add user…", () -> PasswordDialog.ask(owner(), null, names()).map(PasswordDialog.Result::user),
                Broker::users, Broker::withUsers);
        rows("acl", "ACL rules", List.of(
                Column.<AclRule, String>text("User", 90, Parsers.optional(), s -> s == null ? "" : s, AclRule::user,
                        AclRule::withUser),
                Column.<AclRule, Boolean>choice("Line", List.of(false, true), p -> p ? "pattern" : "topic",
                        AclRule::pattern, AclRule::withPattern),
                Column.<AclRule, AclAccess>choice("Access", List.of(AclAccess.values()), AclAccess::word,
                        AclRule::access, AclRule::withAccess),
                Column.<AclRule, String>text("Topic", 120, Parsers.filter(), s -> s, AclRule::topic, AclRule::withTopic)),
                "Add rule", () -> Optional.of(new AclRule(null, false, AclAccess.READWRITE, "#")),
                Broker::acl, Broker::withAcl);

        section("Persistence");
        toggle("persistence", "Enabled", b -> b.persistence().enabled(),
                (b, on) -> b.withPersistence(b.persistence().withEnabled(on)));
        text("persistence-location", "Location", Parsers.optional(), b -> b.persistence().location(),
                (b, location) -> b.withPersistence(b.persistence().withLocation(location)))
                .setPromptText("the broker's folder");
    }

    @Override
    String kind() {
        return "Broker";
    }

    /** The user names taken already, which a new user may not reuse. */
    private List<String> names() {
        return current().users().stream().map(User::name).toList();
    }

    private static String portsText(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static List<Integer> mqttPorts(Broker b) {
        return b.listeners().stream().filter(l -> l.protocol() == Protocol.MQTT).map(Listener::port).toList();
    }

    private static Integer websocketsPort(Broker b) {
        return b.listeners().stream().filter(l -> l.protocol() == Protocol.WEBSOCKETS).map(Listener::port)
                .findFirst().orElse(null);
    }

    /** Keeps each listener whose port stays (with its bind address); new ports get a plain listener. */
    private static Broker withMqttPorts(Broker b, List<Integer> ports) {
        List<Listener> listeners = new ArrayList<>();
        for (int port : ports) {
            listeners.add(b.listeners().stream().filter(l -> l.protocol() == Protocol.MQTT && l.port() == port)
                    .findFirst().orElse(Listener.mqtt(port)));
        }
        b.listeners().stream().filter(l -> l.protocol() != Protocol.MQTT).forEach(listeners::add);
        return b.withListeners(listeners);
    }

    private static Broker withWebsocketsPort(Broker b, Integer port) {
        List<Listener> listeners = new ArrayList<>(b.listeners().stream()
                .filter(l -> l.protocol() != Protocol.WEBSOCKETS).toList());
        if (port != null) {
            Listener old = b.listeners().stream().filter(l -> l.protocol() == Protocol.WEBSOCKETS).findFirst()
                    .orElse(new Listener(port, Protocol.WEBSOCKETS, null));
            listeners.add(old.withPort(port));
        }
        return b.withListeners(listeners);
    }
}

package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.AclPolicy;
import org.mqttstudio.routing.Admission;
import org.mqttstudio.routing.ClientIds;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Direction;
import org.mqttstudio.topology.StartType;
import org.mqttstudio.topology.Topology;

/** A bridge's connection options: topics, session, keepalive, start type, auth, ACL, notifications. */
final class BridgeChecks implements Check {
    private static final int MIN_KEEPALIVE = 5;
    private static final int MAX_KEEPALIVE = 65535;

    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Bridge b : t.bridges()) {
            options(b, out);
            t.broker(b.to()).ifPresent(remote -> access(t, b, remote, out));
            echo(t, b, out);
        }
        return out;
    }

    private static void options(Bridge b, List<Finding> out) {
        String id = b.id();
        if (b.rules().isEmpty()) {
            out.add(Finding.error("bridge-no-topics", id, b.name() + " has no topic rules: mosquitto refuses to start"
                    + " (\"no topics defined\")", "Add a rule, e.g. srv/# out 1"));
        }
        if (b.cleanSession() && b.rules().stream().anyMatch(r -> r.qos() > 0)) {
            out.add(Finding.warning("bridge-clean-session", id, b.name() + " uses cleansession true with QoS > 0"
                    + " rules: messages queued while the link is down are lost, and every retained message is"
                    + " sent again on each reconnect", "Set cleansession false (mosquitto's default)"));
        }
        if (b.remotePassword() != null && b.remoteUsername() == null) {
            out.add(Finding.warning("bridge-password-without-username", id, b.name()
                    + " has a remote_password but no remote_username: mosquitto ignores the password",
                    "Set remote_username too, or remove remote_password"));
        }
        if (b.localUsername() != null || b.localPassword() != null) {
            // measured on mosquitto 2.0.11 (BridgeLocalAccessTest): an unknown user with a wrong password bridges
            // too, and an ACL granting local_username nothing on the bridge's topics stops nothing, out or in
            out.add(Finding.info("bridge-local-user", id, b.name() + " sets local_username/local_password: mosquitto"
                    + " 2.0.11 neither checks them nor applies the local ACL to the bridge, whose local side is inside"
                    + " the broker; only the remote's ACL (for remote_username) limits what crosses",
                    "Limit the bridge with its topic rules, or with the remote broker's ACL for its remote_username"));
        }
        if (b.startType() == StartType.ONCE) {
            out.add(Finding.warning("bridge-start-once", id, b.name() + " has start_type once: after the first"
                    + " disconnection it never connects again", "Use start_type automatic"));
        }
        if (b.keepalive() < MIN_KEEPALIVE) {
            out.add(Finding.warning("bridge-keepalive", id, b.name() + " has keepalive_interval " + b.keepalive()
                    + ": mosquitto raises it to " + MIN_KEEPALIVE + " seconds",
                    "Use a keepalive between 5 and 65535 seconds (default 60)"));
        } else if (b.keepalive() > MAX_KEEPALIVE) {
            out.add(Finding.error("bridge-keepalive", id, b.name() + " has keepalive_interval " + b.keepalive()
                    + ": mosquitto refuses to start (\"Bridge keepalive value too high\")",
                    "Use a keepalive between 5 and 65535 seconds (default 60)"));
        }
    }

    /** A remote that does not know the bridge is one sends each message of a both rule back once. */
    private static void echo(Topology t, Bridge b, List<Finding> out) {
        Optional<BridgeRule> both = b.rules().stream().filter(r -> r.direction() == Direction.BOTH).findFirst();
        if (both.isEmpty()) {
            return;
        }
        String rule = "'" + RuleText.of(both.get()) + "'";
        String remote = t.nameOf(b.to());
        if (!b.tryPrivate()) {
            out.add(Finding.warning("bridge-echo", b.id(), b.name() + " has try_private false and the rule " + rule
                    + ": " + remote + " sends every message the bridge publishes back once, so subscribers on "
                    + t.nameOf(b.from()) + " get each of their own messages twice",
                    "Set try_private true (mosquitto's default)"));
        } else if (t.externalBroker(b.to()).isPresent()) {
            out.add(Finding.warning("bridge-echo", b.id(), b.name() + " bridges " + rule + " both ways to the external"
                    + " broker " + remote + ": if it is not mosquitto it may ignore try_private and send every"
                    + " message back once", "Use one out and one in rule with different topics, or make sure "
                    + remote + " honours try_private (mosquitto does)"));
        }
    }

    private static void access(Topology t, Bridge b, Broker remote, List<Finding> out) {
        Optional<String> refused = Admission.refusal(remote, b.remoteUsername());
        if (refused.isPresent()) {
            boolean anonymous = b.remoteUsername() == null;
            out.add(Finding.error(anonymous ? "bridge-anonymous" : "bridge-unknown-user", b.id(),
                    b.name() + " cannot connect: " + refused.get() + "; it forwards nothing and retries for ever",
                    anonymous ? "Set remote_username/remote_password of " + b.name() + " to a user of " + remote.name()
                            : "Add user '" + b.remoteUsername() + "' to " + remote.name() + " or use one of its users"));
            return;
        }
        AclPolicy acl = new AclPolicy(remote.acl());
        String clientId = ClientIds.remote(t, b);
        String user = b.remoteUsername() == null ? "anonymous" : "user '" + b.remoteUsername() + "'";
        for (BridgeRule r : b.rules()) {
            if (!Topics.isValidFilter(r.remoteFilter())) {
                continue;
            }
            String sample = Router.sampleTopic(r.remoteFilter());
            boolean writeDenied = r.direction().forwardsOut() && !acl.canWrite(clientId, b.remoteUsername(), sample);
            boolean readDenied = r.direction().forwardsIn() && !acl.canRead(clientId, b.remoteUsername(), sample);
            if (writeDenied || readDenied) {
                String what = writeDenied ? "publish" : "read";
                out.add(Finding.warning("bridge-acl-denied", b.id(), "The ACL of " + remote.name() + " does not let "
                        + b.name() + " (" + user + ") " + what + " " + r.remoteFilter() + " (rule '" + RuleText.of(r)
                        + "'): those messages are dropped", "Allow " + user + " to " + (writeDenied ? "write " : "read ")
                        + r.remoteFilter() + " in the ACL of " + remote.name()));
            }
        }
        String notification = ClientIds.notificationTopic(t, b);
        if (b.notifications() && !acl.canWrite(clientId, b.remoteUsername(), notification)) {
            out.add(Finding.warning("bridge-notifications-denied", b.id(), b.name() + " sends its connection state to "
                    + notification.replace(clientId, ClientIds.remoteForDisplay(b)) + " on " + remote.name()
                    + ", but the ACL there does not let " + user + " publish it ('#' does not cover $SYS)",
                    "Set notifications false on " + b.name() + ", or allow " + user
                            + " to write $SYS/broker/connection/# on " + remote.name()));
        }
    }
}

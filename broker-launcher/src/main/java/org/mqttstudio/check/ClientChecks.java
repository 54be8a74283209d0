package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.AclPolicy;
import org.mqttstudio.routing.Admission;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.ClientSettings;
import org.mqttstudio.topology.PayloadTemplate;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Topology;

/** Simulated clients: can they connect, may the publisher publish, can its payload be made. */
final class ClientChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Publisher p : t.publishers()) {
            boolean connects = connects(t, p.id(), p.name(), p.broker(), p.client(), out);
            if (connects && Topics.isValidTopicName(p.topic()) && t.broker(p.broker())
                    .map(b -> !new AclPolicy(b.acl()).canWrite(p.client().clientId(), p.client().username(), p.topic()))
                    .orElse(false)) {
                String user = p.client().username() == null ? "anonymous clients" : "user '" + p.client().username() + "'";
                out.add(Finding.warning("client-acl-denied", p.id(), "The ACL of " + t.nameOf(p.broker())
                        + " does not let " + p.name() + " (" + user + ") publish to " + p.topic()
                        + ": mosquitto drops its messages silently",
                        "Allow " + user + " to write " + p.topic() + " in the ACL of " + t.nameOf(p.broker())));
            }
            PayloadTemplate.problem(p.payload()).ifPresent(why -> out.add(Finding.error("payload-template", p.id(),
                    p.name() + "'s payload template cannot be used: " + why, "Fix the placeholder in the payload")));
        }
        for (Subscriber s : t.subscribers()) {
            connects(t, s.id(), s.name(), s.broker(), s.client(), out);
        }
        return out;
    }

    private static boolean connects(Topology t, String id, String name, String brokerId, ClientSettings client,
            List<Finding> out) {
        var refused = t.broker(brokerId).flatMap(b -> Admission.refusal(b, client.username()));
        refused.ifPresent(why -> out.add(Finding.error("client-cannot-connect", id, name + " cannot connect: " + why,
                "Give " + name + " the username and password of a user of " + t.nameOf(brokerId)
                        + ", or allow anonymous clients there")));
        return refused.isEmpty();
    }
}

package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.List;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Publisher;
import org.mqttstudio.topology.Subscriber;
import org.mqttstudio.topology.Subscription;
import org.mqttstudio.topology.Topology;

/** Publishers' topic names and subscribers' filters. */
final class TopicChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        for (Publisher p : t.publishers()) {
            Topics.topicNameProblem(p.topic()).ifPresentOrElse(
                    why -> out.add(Finding.error("invalid-topic", p.id(), p.name() + " publishes to '" + p.topic()
                            + "', which is not a valid topic name: " + why,
                            "Use a topic without wildcards, e.g. srv/temperature")),
                    () -> {
                        if (p.topic().startsWith("$")) {
                            out.add(Finding.info("dollar-topic", p.id(), p.name() + " publishes to " + p.topic()
                                    + ": subscribers to # or +/... do not receive topics starting with '$'",
                                    "Subscribe to it by a filter that starts with " + p.topic().split("/")[0]));
                        }
                    });
        }
        for (Subscriber s : t.subscribers()) {
            for (Subscription sub : s.subscriptions()) {
                Topics.filterProblem(sub.filter()).ifPresent(why -> out.add(Finding.error("invalid-filter", s.id(),
                        s.name() + " subscribes to '" + sub.filter() + "', which is not a valid filter: " + why,
                        "Use whole-level wildcards: '+' for one level, '#' only at the end, e.g. srv/#")));
            }
        }
        return out;
    }
}

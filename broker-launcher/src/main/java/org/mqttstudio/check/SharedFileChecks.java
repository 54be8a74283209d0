package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Topology;

/** Files several brokers on one host would each expect to own: persistence database, log file. */
final class SharedFileChecks implements Check {
    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        shared(t, b -> b.persistence().enabled() ? b.persistence().location() : null, "shared-persistence",
                "persistence_location", "they overwrite each other's mosquitto.db", out);
        shared(t, b -> b.logging().file(), "shared-log-file", "log file", "their lines mix in one file", out);
        return out;
    }

    private static void shared(Topology t, Function<Broker, String> path, String code, String what, String effect,
            List<Finding> out) {
        Map<String, Broker> owners = new LinkedHashMap<>();
        for (Broker b : t.brokers()) {
            String p = path.apply(b);
            if (p == null) {
                continue;
            }
            Broker first = owners.putIfAbsent(b.host() + "|" + p, b);
            if (first != null) {
                out.add(Finding.warning(code, b.id(), b.name() + " and " + first.name() + " run on host " + b.host()
                        + " with the same " + what + " " + p + ": " + effect,
                        "Give " + b.name() + " its own " + what + " (e.g. a folder named after the broker)"));
            }
        }
    }
}

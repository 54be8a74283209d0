package org.mqttstudio.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Topology;

/** Listeners and ports: missing, duplicated in a broker or on one host, privileged. */
final class ListenerChecks implements Check {
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    @Override
    public List<Finding> run(Topology t, RouteTable routes) {
        List<Finding> out = new ArrayList<>();
        Map<String, Broker> portOwners = new LinkedHashMap<>();
        for (Broker b : t.brokers()) {
            missingListener(t, b, out);
            Set<Integer> ports = new HashSet<>();
            for (Listener l : b.listeners()) {
                int port = l.port();
                if (!ports.add(port)) {
                    out.add(Finding.error("duplicate-port", b.id(), b.name() + " has two listeners on port " + port
                            + ": mosquitto cannot open the second and refuses to start", "Give each listener its own port"));
                    continue;
                }
                if (port < FIRST_UNPRIVILEGED_PORT) {
                    out.add(Finding.warning("privileged-port", b.id(), b.name() + " listens on port " + port
                            + ", below 1024: only root may open it", "Use a port from 1024 up, e.g. 1883"));
                }
                Broker other = portOwners.putIfAbsent(b.host() + ":" + port, b);
                if (other != null) {
                    out.add(Finding.error("duplicate-port", b.id(), b.name() + " and " + other.name()
                            + " both listen on port " + port + " of host " + b.host()
                            + ": the one started second cannot open it and stops",
                            "Give " + b.name() + " another port"));
                }
            }
        }
        return out;
    }

    private static void missingListener(Topology t, Broker b, List<Finding> out) {
        if (b.mqttListener().isPresent()) {
            return;
        }
        boolean needed = !t.bridgesTo(b.id()).isEmpty() || !t.publishersOn(b.id()).isEmpty()
                || !t.subscribersOn(b.id()).isEmpty();
        String what = b.listeners().isEmpty() ? b.name() + " has no listener: mosquitto 2 then accepts only local"
                + " connections on port 1883" : b.name() + " has no plain MQTT listener";
        String fix = "Add a listener, e.g. port 1883, protocol mqtt";
        if (needed) {
            out.add(Finding.error("no-listener", b.id(), what + ", but bridges or clients must connect to it", fix));
        } else {
            out.add(Finding.warning("no-listener", b.id(), what, fix));
        }
    }
}

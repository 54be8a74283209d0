package org.mqttstudio.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.Topology;

/**
 * The topology seen as a message graph: bridge rules as {@link Link}s, and per node its QoS cap,
 * ACL and admission. External brokers are taken as open (QoS 2, no ACL, anyone admitted), since
 * their configuration is not known.
 */
final class Network {
    private final Topology topology;
    private final Map<String, List<Link>> linksAt;

    Network(Topology topology) {
        this.topology = topology;
        this.linksAt = Link.of(topology).stream().collect(Collectors.groupingBy(Link::at));
    }

    Topology topology() {
        return topology;
    }

    List<Link> linksAt(String nodeId) {
        return linksAt.getOrDefault(nodeId, List.of());
    }

    int maxQos(String nodeId) {
        return topology.broker(nodeId).map(b -> b.limits().effectiveMaxQos()).orElse(2);
    }

    AclPolicy acl(String nodeId) {
        return topology.broker(nodeId).map(b -> new AclPolicy(b.acl())).orElse(AclPolicy.allowAll());
    }

    /** Why node {@code nodeId} refuses a client with {@code username}, or empty. */
    Optional<String> refusal(String nodeId, String username) {
        return topology.broker(nodeId).flatMap(b -> Admission.refusal(b, username));
    }

    /** Why the link cannot carry {@code topic} (as seen on {@code link.at()}) for auth or ACL reasons, or empty. */
    Optional<String> block(Link link, String topic) {
        Bridge b = link.bridge();
        String remote = b.to();
        Optional<String> refused = refusal(remote, b.remoteUsername());
        if (refused.isPresent()) {
            return Optional.of(b.name() + " cannot connect: " + refused.get());
        }
        String user = b.remoteUsername() == null ? "anonymous" : "user '" + b.remoteUsername() + "'";
        AclPolicy acl = acl(remote);
        if (link.outward() && !acl.canWrite(ClientIds.remote(topology, b), b.remoteUsername(), link.map(topic))) {
            return Optional.of("the ACL of " + topology.nameOf(remote) + " does not let " + b.name() + " (" + user
                    + ") publish " + link.map(topic));
        }
        if (!link.outward() && !acl.canRead(ClientIds.remote(topology, b), b.remoteUsername(), topic)) {
            return Optional.of("the ACL of " + topology.nameOf(remote) + " does not let " + b.name() + " (" + user
                    + ") read " + topic);
        }
        return Optional.empty();
    }
}

package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.services.subscription.SubscriptionStore;
import com.hivemq.extension.sdk.api.services.subscription.TopicSubscription;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.mqttstudio.mqtt.Topics;
import org.mqttstudio.topology.Bridge;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Topology;

/**
 * Puts back MQTT-4.7.2-1 (a filter starting with a wildcard never matches a topic starting with
 * '$'), which HiveMQ drops while {@link EmbeddedBroker} lets clients publish to '$' topics: a '$'
 * PUBLISH reaches a client only if one of its subscriptions matches the topic under MQTT rules, as
 * in mosquitto. One instance per broker, holding that broker's subscription store (never
 * {@code Services} after the extension started: it would reach the last-started broker).
 */
final class DollarTopicDelivery implements PublishOutboundInterceptor {
    private static final String SHARED_PREFIX = "$share/";
    /** The store answers at once from memory; the limit only guards against a stuck lookup. */
    private static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);

    private final SubscriptionStore subscriptions;

    DollarTopicDelivery(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Whether the topology publishes '$' topics on this broker: a bridge with notifications starts or ends here,
     * a bridge here carries '$' topics by a rule, or a publisher here writes one. Only such a broker needs this
     * interceptor, whose price is a hop through HiveMQ's extension executor for every outgoing PUBLISH (measured:
     * half the rate at QoS 1); elsewhere only a client from outside the topology could publish a '$' topic
     * ({@link KnownDifferences#DOLLAR_FILTER}).
     */
    static boolean neededOn(Topology topology, String brokerId) {
        boolean bridged = Stream.concat(topology.bridgesFrom(brokerId).stream(), topology.bridgesTo(brokerId).stream())
                .anyMatch(bridge -> notifiesOnDollarTopic(bridge) || bridge.rules().stream()
                        .anyMatch(DollarTopicDelivery::carriesDollarTopics));
        return bridged || topology.publishersOn(brokerId).stream().anyMatch(p -> p.topic().startsWith("$"));
    }

    /** The default notification topic is under $SYS; a chosen one may be anywhere. */
    private static boolean notifiesOnDollarTopic(Bridge bridge) {
        String topic = bridge.notificationTopic();
        return bridge.notifications() && (topic == null || topic.startsWith("$"));
    }

    private static boolean carriesDollarTopics(BridgeRule rule) {
        return Stream.of(rule.pattern(), rule.localPrefix(), rule.remotePrefix())
                .anyMatch(part -> part != null && part.startsWith("$"));
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        String topic = input.getPublishPacket().getTopic();
        if (!topic.startsWith("$")) {
            return; // every other PUBLISH costs this check only
        }
        Async<PublishOutboundOutput> async = output.async(LOOKUP_LIMIT, TimeoutFallback.FAILURE);
        subscriptions.getSubscriptions(input.getClientInformation().getClientId())
                .whenComplete((filters, error) -> {
                    if (error != null || !anyMatches(filters, topic)) {
                        async.getOutput().preventPublishDelivery();
                    }
                    async.resume();
                });
    }

    private static boolean anyMatches(Set<TopicSubscription> filters, String topic) {
        return filters.stream().anyMatch(subscription -> Topics.matches(ownFilter(subscription), topic));
    }

    /** A shared subscription {@code $share/<group>/<filter>} matches as its filter does. */
    private static String ownFilter(TopicSubscription subscription) {
        String filter = subscription.getTopicFilter();
        if (!filter.startsWith(SHARED_PREFIX)) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', SHARED_PREFIX.length());
        return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
    }
}

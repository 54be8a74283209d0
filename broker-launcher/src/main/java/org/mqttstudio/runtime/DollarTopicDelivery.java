package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.services.subscription.SubscriptionStore;
import com.hivemq.extension.sdk.api.services.subscription.TopicSubscription;
import java.time.Duration;
import java.util.Set;
import org.mqttstudio.mqtt.Topics;

/**
 * Puts back MQTT-4.7.2-1 (a filter starting with a wildcard never matches a topic starting with
 * '$'), which HiveMQ drops while {@link EmbeddedBroker} lets clients publish to '$' topics: its topic
 * tree matches every topic against '#' and '+/...' alike. A '$' PUBLISH reaches a client only if one
 * of its subscriptions matches the topic under MQTT rules, as in mosquitto.
 *
 * <p>Every outgoing PUBLISH this interceptor sees hops through HiveMQ's extension executor (half the
 * rate, docs/bench.md), so it sits only on clients that may hold a wildcard-first filter
 * ({@link WildcardFirstFilters}): every other client's PUBLISH can only match a '$' topic by a filter
 * that starts with '$' too, which HiveMQ matches as MQTT does. One instance per broker, holding that
 * broker's subscription store (never {@code Services} after the extension started: it would reach
 * the last-started broker).
 */
final class DollarTopicDelivery implements PublishOutboundInterceptor {
    private static final String SHARED_PREFIX = "$share/";
    /** The store answers at once from memory; the limit only guards against a stuck lookup. */
    private static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);

    private final SubscriptionStore subscriptions;

    DollarTopicDelivery(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Called from the client initializer of every client of the broker. */
    void watch(ClientContext client, String clientId) {
        WildcardFirstFilters.watch(client, this, subscriptions.getSubscriptions(clientId));
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
        return filters.stream().anyMatch(subscription -> Topics.matches(ownFilter(subscription.getTopicFilter()),
                topic));
    }

    /** Whether the filter, or a shared subscription's own filter, starts with '#' or '+'. */
    static boolean wildcardFirst(String filter) {
        String own = ownFilter(filter);
        return own.startsWith("#") || own.startsWith("+");
    }

    /** A shared subscription {@code $share/<group>/<filter>} matches as its filter does. */
    private static String ownFilter(String filter) {
        if (!filter.startsWith(SHARED_PREFIX)) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', SHARED_PREFIX.length());
        return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
    }
}

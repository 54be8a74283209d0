package org.mqttstudio.runtime;

import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.services.subscription.TopicSubscription;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps {@link DollarTopicDelivery} on one client's outgoing PUBLISH exactly while the client may hold a filter
 * starting with '#' or '+': from its CONNECT until the subscriptions of a resumed session are known, and from a
 * SUBSCRIBE with such a filter on. Only a SUBSCRIBE pays for the check (once); a client whose filters all start
 * with a topic level sends its messages without the extension executor's hop. An UNSUBSCRIBE keeps the filter
 * until the client reconnects: it is still right, only slower.
 */
final class WildcardFirstFilters implements SubscribeInboundInterceptor {
    private final ClientContext client;
    private final DollarTopicDelivery delivery;
    private boolean attached = true;
    private boolean wildcardFirst;

    private WildcardFirstFilters(ClientContext client, DollarTopicDelivery delivery) {
        this.client = client;
        this.delivery = delivery;
    }

    /**
     * Attaches the filter at once (a resumed session's queued messages may go out before the lookup answers) and
     * takes it off when {@code sessionFilters} holds no wildcard-first filter and none was subscribed since.
     */
    static void watch(ClientContext client, DollarTopicDelivery delivery,
            CompletableFuture<Set<TopicSubscription>> sessionFilters) {
        WildcardFirstFilters filters = new WildcardFirstFilters(client, delivery);
        client.addPublishOutboundInterceptor(delivery);
        client.addSubscribeInboundInterceptor(filters);
        sessionFilters.whenComplete((stored, error) -> filters.sessionKnown(error == null
                && stored.stream().noneMatch(s -> DollarTopicDelivery.wildcardFirst(s.getTopicFilter()))));
    }

    private synchronized void sessionKnown(boolean noWildcardFirst) {
        if (noWildcardFirst && !wildcardFirst && attached) {
            client.removePublishOutboundInterceptor(delivery);
            attached = false;
        }
        wildcardFirst |= !noWildcardFirst;
    }

    /** Runs before HiveMQ adds the subscriptions, so before it sends their retained messages. */
    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        boolean any = input.getSubscribePacket().getSubscriptions().stream()
                .anyMatch(s -> DollarTopicDelivery.wildcardFirst(s.getTopicFilter()));
        if (any) {
            subscribedWildcardFirst();
        }
    }

    private synchronized void subscribedWildcardFirst() {
        wildcardFirst = true;
        if (!attached) {
            client.addPublishOutboundInterceptor(delivery);
            attached = true;
        }
    }
}

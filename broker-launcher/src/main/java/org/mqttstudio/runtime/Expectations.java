package org.mqttstudio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqttstudio.routing.Arrival;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.RouteTable;

/**
 * What the route table predicts for one message of each publisher: per subscriber and topic (as the
 * subscriber receives it) how many copies arrive, one per path times the copies the runtime sends for
 * overlapping filters ({@link Arrival#copies}).
 */
final class Expectations {
    /** {@code copies} of each message of the publisher reach the subscriber on {@code topic}. */
    record Expect(String publisherId, String subscriberId, String topic, int copies) {
    }

    private final Map<String, List<Expect>> byPublisher;

    Expectations(RouteTable routes, OverlapPolicy policy) {
        Map<List<String>, Integer> copies = new LinkedHashMap<>();
        for (Arrival a : routes.arrivals()) {
            copies.merge(List.of(a.publisherId(), a.subscriberId(), a.topic()), a.copies(policy), Integer::sum);
        }
        Map<String, List<Expect>> grouped = new LinkedHashMap<>();
        copies.forEach((key, n) -> grouped.computeIfAbsent(key.get(0), p -> new ArrayList<>())
                .add(new Expect(key.get(0), key.get(1), key.get(2), n)));
        grouped.replaceAll((p, list) -> List.copyOf(list));
        this.byPublisher = Map.copyOf(grouped);
    }

    /** The copies one message of the publisher should give, per subscriber and topic. */
    List<Expect> of(String publisherId) {
        return byPublisher.getOrDefault(publisherId, List.of());
    }

    /** The policy of the runtime's brokers: HiveMQ CE sends one copy, mosquitto one per filter. */
    static OverlapPolicy policyOf(RunOptions.Runtime runtime) {
        return runtime == RunOptions.Runtime.MOSQUITTO ? OverlapPolicy.COPY_PER_SUBSCRIPTION : OverlapPolicy.ONE_COPY;
    }
}

package org.mqttstudio.explorer;

import java.util.Optional;

/**
 * The broker's answer to one filter of a SUBSCRIBE.
 *
 * @param grantedQos the QoS granted; empty when the broker refused the filter
 * @param refusal    the refusal in words, e.g. "refused: not authorized (0x87)"; empty when granted
 */
public record SubscribeResult(String filter, int requestedQos, Optional<Integer> grantedQos, Optional<String> refusal) {
    public SubscribeResult {
        if (grantedQos.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("a filter is either granted or refused");
        }
    }

    public boolean granted() {
        return grantedQos.isPresent();
    }

    /** One line for the user: "granted QoS 1" or the refusal. */
    public String describe() {
        return grantedQos.map(q -> "granted QoS " + q + (q < requestedQos ? " (asked for " + requestedQos + ")" : ""))
                .orElseGet(refusal::orElseThrow);
    }
}

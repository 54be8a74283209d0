package org.mqttstudio.app.deliveries;

import java.util.List;
import java.util.Objects;

/**
 * What the deliveries view shows at one moment, handed to the FX thread in one piece.
 *
 * @param last the subscribers' latest messages, newest first
 * @param over whether the run is over: these are its last figures
 */
public record DeliveriesSnapshot(DeliveryTotals totals, List<LastPayload> last, boolean over) {
    public DeliveriesSnapshot {
        Objects.requireNonNull(totals, "totals");
        last = List.copyOf(last);
    }
}

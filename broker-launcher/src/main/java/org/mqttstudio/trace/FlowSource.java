package org.mqttstudio.trace;

import java.util.List;

/**
 * The correlated message flows of a run, read-only: readers of flow events and a snapshot. A flow event is the
 * newest {@link MessageFlow} snapshot each time a packet starts or changes a flow (a new hop, a handshake packet);
 * the same flow comes again under the same {@link MessageFlow#id()} until {@link MessageFlow#complete()} (and after,
 * when a late hop joins it).
 */
public interface FlowSource {
    /**
     * A reader of the flow events from now on. At most {@code backlog} flows are kept unread for it: a newer event of
     * a flow still unread replaces it where it is, and beyond the backlog the oldest unread flow is lost (counted).
     */
    FlowReader reader(int backlog);

    /** The flows kept now, oldest first (a bounded number: the oldest are dropped first). */
    List<MessageFlow> snapshot();
}

package org.mqttstudio.runtime;

import java.time.Instant;

/**
 * What one running element of a topology (broker, bridge, client) is doing now.
 *
 * @param elementId the model id of the broker, bridge, publisher or subscriber
 * @param message one line for the user, e.g. "port 1884 is in use"; empty when there is nothing to say
 */
public record NodeStatus(String elementId, State state, String message, Instant time) {
    public enum State { STARTING, RUNNING, FAILED, STOPPED }

    public NodeStatus {
        if (elementId == null || state == null || time == null) {
            throw new IllegalArgumentException("elementId, state and time are required");
        }
        message = message == null ? "" : message;
    }

    public static NodeStatus now(String elementId, State state, String message) {
        return new NodeStatus(elementId, state, message, Instant.now());
    }
}

package org.mqttstudio.routing;

/** A subscriber's filter that no publisher's messages reach, and why. */
public record Unreached(String subscriberId, String filter, String reason) {
}

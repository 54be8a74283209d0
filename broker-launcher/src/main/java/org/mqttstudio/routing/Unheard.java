package org.mqttstudio.routing;

/** A publisher whose messages no subscriber receives, and where its topic stops. */
public record Unheard(String publisherId, String reason) {
}

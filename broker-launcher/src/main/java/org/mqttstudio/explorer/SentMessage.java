package org.mqttstudio.explorer;

import java.time.Instant;

/** One entry of the publish history: what was sent, when, and how it ended; the form can send it again. */
public record SentMessage(Instant time, OutgoingMessage message, PublishResult result) {
}

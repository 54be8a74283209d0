package org.mqttstudio.explorer;

import java.time.Instant;
import java.util.Optional;

/**
 * One level of the topic tree as it is now, handed to views (immutable).
 *
 * @param topic        the level's full topic ({@code a/b})
 * @param name         the last level's name ({@code b}); may be empty, as in {@code a//b}
 * @param parent       the parent level's topic; empty for a first level
 * @param messages     messages on exactly this topic
 * @param subtreeMessages messages on this topic and every topic below it
 * @param last         the latest message on exactly this topic
 * @param retained     whether the broker holds a retained message for this topic (as far as the explorer saw)
 * @param lastTime     when the latest message in the subtree came
 */
public record TopicSummary(String topic, String name, Optional<String> parent, long messages, long subtreeMessages,
        Optional<ExplorerMessage> last, boolean retained, Optional<Instant> lastTime) {
}

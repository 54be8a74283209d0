package org.mqttstudio.explorer;

import java.util.List;

/**
 * What changed in a session since the views last asked: one batch per frame.
 *
 * @param topics   the summaries of every level that changed (new ones included), parents before children
 * @param messages the messages received in that time (the views' own bounded lists take what they show)
 * @param received messages received in all; -1 in {@link #NONE}
 * @param droppedMessages new topics not kept because the tree was full, in all
 */
public record SessionChanges(List<TopicSummary> topics, List<ExplorerMessage> messages, long received,
        long droppedMessages) {
    /** Nothing changed (or the session was busy this frame). */
    public static final SessionChanges NONE = new SessionChanges(List.of(), List.of(), -1, -1);

    public SessionChanges {
        topics = List.copyOf(topics);
        messages = List.copyOf(messages);
    }

    public boolean isEmpty() {
        return topics.isEmpty() && messages.isEmpty();
    }
}

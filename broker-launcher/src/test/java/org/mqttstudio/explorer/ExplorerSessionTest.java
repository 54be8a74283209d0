package org.mqttstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExplorerSessionTest {
    private static ExplorerMessage message(String topic, String payload, boolean retain) {
        return new ExplorerMessage(Instant.now(), topic, payload.getBytes(StandardCharsets.UTF_8), 0, retain,
                Mqtt5Details.NONE);
    }

    @Test
    void countsPerSubtreeAndKeepsTheLastValueAndRetainedMarker() {
        ExplorerSession session = new ExplorerSession(HistoryLimits.DEFAULT);
        session.accept(message("a/b/c", "1", false));
        session.accept(message("a/b/c", "2", true));
        session.accept(message("a/d", "3", false));
        session.accept(message("a", "4", false));

        assertThat(session.topic("a").orElseThrow().subtreeMessages()).isEqualTo(4);
        assertThat(session.topic("a").orElseThrow().messages()).isEqualTo(1);
        assertThat(session.topic("a/b").orElseThrow().subtreeMessages()).isEqualTo(2);
        assertThat(session.topic("a/b").orElseThrow().messages()).isZero();
        TopicSummary leaf = session.topic("a/b/c").orElseThrow();
        assertThat(leaf.last().orElseThrow().text()).isEqualTo("2");
        assertThat(leaf.retained()).isTrue();
        assertThat(session.topicCount()).isEqualTo(3);

        session.accept(message("a/b/c", "", true)); // the broker clearing the retained message
        assertThat(session.topic("a/b/c").orElseThrow().retained()).isFalse();
    }

    @Test
    void drainGivesEachChangedLevelOnceParentsFirstThenNothing() {
        ExplorerSession session = new ExplorerSession(HistoryLimits.DEFAULT);
        session.accept(message("x/y", "1", false));
        session.accept(message("x/y", "2", false));
        session.accept(message("x/z", "3", false));
        SessionChanges changes = session.drainChanges();
        assertThat(changes.topics()).extracting(TopicSummary::topic).containsExactly("x", "x/y", "x/z");
        assertThat(changes.messages()).hasSize(3);
        assertThat(changes.received()).isEqualTo(3);
        assertThat(session.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void topicsStartingWithASlashHaveAnEmptyFirstLevel() {
        ExplorerSession session = new ExplorerSession(HistoryLimits.DEFAULT);
        session.accept(message("/lead", "1", false));
        assertThat(session.topic("").orElseThrow().name()).isEmpty();
        assertThat(session.topic("/lead").orElseThrow().parent()).contains("");
    }

    @Test
    void searchByTextAndByFilter() {
        ExplorerSession session = new ExplorerSession(HistoryLimits.DEFAULT);
        session.accept(message("kitchen/temperature", "1", false));
        session.accept(message("garage/Temperature", "1", false));
        session.accept(message("garage/humidity", "1", false));
        assertThat(session.search("temp", 10)).containsExactly("garage/Temperature", "kitchen/temperature");
        assertThat(session.matching("+/temperature", 10)).containsExactly("kitchen/temperature");
        assertThat(session.matching("garage/#", 10)).containsExactly("garage/Temperature", "garage/humidity");
        assertThatThrownBy(() -> session.matching("a/#/b", 10)).hasMessageStartingWith("filter 'a/#/b': ");
    }

    @Test
    void hundredThousandMessagesOverAThousandTopicsStayWithinEveryBound() {
        HistoryLimits limits = new HistoryLimits(20, 20_000, 800);
        ExplorerSession session = new ExplorerSession(limits);
        for (int i = 0; i < 100_000; i++) {
            session.accept(message("load/" + (i % 1_000), Integer.toString(i), false));
            if (i % 997 == 0) {
                session.drainChanges();
            }
            assertThat(session.historySize()).isLessThanOrEqualTo(limits.total());
        }
        assertThat(session.topicCount()).isEqualTo(800);
        assertThat(session.drainChanges().droppedMessages()).isEqualTo(200 * 100);
        assertThat(session.historySize()).isEqualTo(Math.min(limits.total(), 800 * limits.perTopic()));
        assertThat(session.historyEntriesHeld()).isLessThanOrEqualTo(2 * limits.total());
        assertThat(session.history("load/5")).hasSize(limits.perTopic());
        assertThat(session.history("load/5").get(limits.perTopic() - 1).text()).isEqualTo("99005");
        assertThat(session.history()).hasSize(session.historySize());
    }

    @Test
    void totalBoundDropsTheOldestMessagesOfAll() {
        ExplorerSession session = new ExplorerSession(new HistoryLimits(10, 10, 100));
        for (int i = 0; i < 15; i++) {
            session.accept(message(i % 2 == 0 ? "even" : "odd", Integer.toString(i), false));
        }
        assertThat(session.history()).extracting(ExplorerMessage::text)
                .containsExactly("5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
        ExplorerMessage last = session.history("even").get(session.history("even").size() - 1);
        assertThat(session.previous(last).orElseThrow().text()).isEqualTo("12");
    }

    @Test
    void newHistoryLimitsDropWhatIsPastThemNowAndBoundWhatComesNext() {
        ExplorerSession session = new ExplorerSession(new HistoryLimits(100, 1_000, 100));
        for (int i = 0; i < 300; i++) {
            session.accept(message("t/" + (i % 3), Integer.toString(i), false));
        }
        assertThat(session.historySize()).isEqualTo(300);

        session.limitHistory(new HistoryLimits(20, 50, 5));
        assertThat(session.limits()).isEqualTo(new HistoryLimits(20, 50, 100)); // the tree keeps its topic bound
        assertThat(session.historySize()).isEqualTo(50); // 20 of each topic, then the latest 50 of those 60
        assertThat(session.history("t/0")).hasSize(16).last().extracting(ExplorerMessage::text).isEqualTo("297");
        assertThat(session.history()).extracting(ExplorerMessage::text).startsWith("250", "251").endsWith("299");

        for (int i = 300; i < 1_300; i++) {
            session.accept(message("t/" + (i % 7), Integer.toString(i), false));
        }
        assertThat(session.historySize()).isEqualTo(50);
        assertThat(session.history("t/3")).hasSizeLessThanOrEqualTo(20);
        assertThat(session.historyEntriesHeld()).isLessThanOrEqualTo(100);
    }
}

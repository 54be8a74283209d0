package org.mqttstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLimitsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedLimitsComeBackAndNoFileGivesTheFallback() throws Exception {
        HistoryLimitsStore store = new HistoryLimitsStore(dir.resolve("config"));
        assertThat(store.load(HistoryLimits.DEFAULT)).isEqualTo(HistoryLimits.DEFAULT);
        store.save(HistoryLimits.DEFAULT.withPerTopic(250).withTotal(40_000));
        assertThat(new HistoryLimitsStore(dir.resolve("config")).load(HistoryLimits.DEFAULT))
                .isEqualTo(new HistoryLimits(250, 40_000, HistoryLimits.DEFAULT.topics()));
        assertThat(Files.readString(store.file())).contains("\"perTopic\" : 250", "\"total\" : 40000");
    }

    @Test
    void aBadValueNamesTheFileAndTheSetting() throws Exception {
        HistoryLimitsStore store = new HistoryLimitsStore(dir);
        Files.writeString(store.file(), "{\"history\": {\"perTopic\": \"many\"}}");
        assertThatThrownBy(() -> store.load(HistoryLimits.DEFAULT)).isInstanceOf(IOException.class)
                .hasMessage(store.file() + ": history.perTopic must be a whole number, not \"many\"");
        Files.writeString(store.file(), "{\"history\": {\"perTopic\": 500, \"total\": 100}}");
        assertThatThrownBy(() -> store.load(HistoryLimits.DEFAULT))
                .hasMessage(store.file() + ": history in all (100) must be at least the history per topic (500)");
    }

    @Test
    void limitsAreValidatedInWords() {
        assertThatThrownBy(() -> HistoryLimits.DEFAULT.withPerTopic(0))
                .hasMessage("history per topic must be at least 1 message: 0");
        assertThatThrownBy(() -> HistoryLimits.DEFAULT.withTotal(HistoryLimits.MAX_TOTAL + 1))
                .hasMessage("history in all may be at most 2000000 messages (the heap holds them): 2000001");
    }
}

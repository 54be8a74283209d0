package org.mqttstudio.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.findings.FindingRow;
import org.mqttstudio.app.findings.FindingSource;
import org.mqttstudio.topology.Topology;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveChecksTest {
    @Start
    void start(Stage stage) {
        // The FX thread is all these tests need.
    }

    @Test
    void aBurstOfChangesIsCheckedOnceMoreWithTheNewestOnlyOnTheFxThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        List<String> checkedNames = new CopyOnWriteArrayList<>();
        FindingSource slow = t -> {
            checks.incrementAndGet();
            checkedNames.add(t.name());
            await(release);
            return List.of(new FindingRow(FindingRow.Level.INFO, "name", null, t.name(), ""));
        };
        List<CheckResult> delivered = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        try (LiveChecks live = new LiveChecks(slow, r -> {
            delivered.add(r);
            onFxThread.add(Platform.isFxApplicationThread());
        })) {
            live.submit(named("first"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> checks.get() == 1);
            for (int i = 2; i <= 10; i++) {
                live.submit(named("edit" + i));
            }
            release.countDown();

            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !delivered.isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(checkedNames).containsExactly("first", "edit10");
            assertThat(delivered).singleElement().satisfies(r -> {
                assertThat(r.topology().name()).isEqualTo("edit10");
                assertThat(r.findings()).extracting(FindingRow::message).containsExactly("edit10");
            });
            assertThat(onFxThread).containsOnly(true);
        }
    }

    private static Topology named(String name) {
        return Topology.of(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

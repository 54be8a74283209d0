package org.mqttstudio.app.tracepanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mqttstudio.app.live.LivePump;
import org.mqttstudio.runtime.Delivery;
import org.mqttstudio.runtime.EventFeed;
import org.mqttstudio.runtime.NodeStatus;
import org.mqttstudio.trace.PacketReader;
import org.mqttstudio.trace.Recorder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real panel and pump under a flood of synthetic packets: bounded rows, a responsive FX thread, gap rows. */
@ExtendWith(ApplicationExtension.class)
class TraceFloodTest {
    private static final int ROWS = 20_000;
    private static final int EVENTS = 200_000;

    private PacketTable table;
    private FxMeter meter;
    private LivePump pump;

    @Start
    void start(Stage stage) {
        table = new PacketTable(ROWS, (name, format) -> java.util.Optional.empty(), message -> { });
        stage.setScene(new Scene(table, 1200, 600));
        stage.show();
        meter = new FxMeter();
        meter.start();
    }

    @AfterEach
    void stopPump() {
        if (pump != null) {
            pump.close();
        }
        Platform.runLater(meter::stop);
    }

    private LivePump pump(PacketReader reader) {
        return new LivePump(reader, new EventFeed<NodeStatus>().subscribe(1), new EventFeed<Delivery>().subscribe(1),
                new RowFormatter(Instant.now(), id -> id), Platform::runLater, batch -> table.accept(batch.rows()),
                ROWS);
    }

    @Test
    void twoHundredThousandPacketsKeepTheRowBoundAndTheFxThreadResponsive(FxRobot robot) throws InterruptedException {
        Recorder recorder = new Recorder(EVENTS);
        pump = pump(recorder.view().reader(EVENTS)).start();
        // the first rows warm up the table (class loading, CSS, the first cells): a cost paid once, not per packet
        int warmUp = 2000;
        for (int i = 0; i < warmUp; i++) {
            recorder.accept(SyntheticPackets.event(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(robot) == warmUp - 1);
        robot.interact(meter::reset);
        // about 100 000 packets a second, in 1 000-packet bursts: faster than any run of the course produces
        for (int i = warmUp; i < EVENTS; i++) {
            recorder.accept(SyntheticPackets.event(i));
            if (i % 1000 == 999) {
                Thread.sleep(10);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(robot) == EVENTS - 1);

        assertThat(fx(robot, () -> table.allRows().size())).isEqualTo(ROWS);
        assertThat(fx(robot, () -> table.shownRows().size())).isEqualTo(ROWS);
        assertThat(fx(robot, () -> table.allRows().get(0).sequence())).isEqualTo(EVENTS - ROWS);
        assertThat(fx(robot, meter::pulses)).as("frames rendered during the flood").isGreaterThan(30);
        // The FX thread's work per frame, in its own CPU time: this machine's wall clock also measures how long the
        // scheduler kept the thread off its core (2 cores for many test JVMs); FxMeter reports both, the bench too.
        double stall = fx(robot, meter::worstStallMillis);
        assertThat(fx(robot, meter::worstFrameCpuMillis)).as("worst FX frame, ms of FX-thread CPU (wall clock: %.0f"
                + " ms)", stall).isLessThan(200);
    }

    @Test
    void aReaderThatFellBehindShowsAGapRow(FxRobot robot) {
        Recorder recorder = new Recorder(EVENTS);
        PacketReader reader = recorder.view().reader(10_000);
        for (int i = 0; i < 30_000; i++) {
            recorder.accept(SyntheticPackets.event(i)); // before the pump reads: 20 000 are lost to this reader
        }
        pump = pump(reader).start();

        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(robot) == 29_999);
        List<TraceRow> rows = fx(robot, () -> table.allRows());
        assertThat(rows.get(0).isGap()).isTrue();
        assertThat(rows.get(0).sequence()).isZero();
        assertThat(rows.get(0).lost()).isEqualTo(20_000);
        assertThat(rows.get(0).payload()).contains("20,000 packets lost");
        assertThat(rows.get(1).sequence()).isEqualTo(20_000);
        assertThat(rows).hasSize(10_001);
        robot.interact(() -> table.setFilter(TraceFilter.NONE.withText("no row has this")));
        assertThat(fx(robot, () -> table.shownRows())).as("a gap row passes every filter")
                .singleElement().satisfies(row -> assertThat(row.isGap()).isTrue());
    }

    private long lastSequence(FxRobot robot) {
        return fx(robot, () -> {
            List<TraceRow> rows = table.shownRows();
            return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).sequence();
        });
    }

    private static <T> T fx(FxRobot robot, Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }
}

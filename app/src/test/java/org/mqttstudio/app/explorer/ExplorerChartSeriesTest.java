package org.mqttstudio.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mqttstudio.explorer.ExplorerMessage;
import org.mqttstudio.explorer.Mqtt5Details;
import org.mqttstudio.explorer.ValueExtractor;

/** A series at 1 000 points/s: the window kept, a bounded decimated copy drawn, its highs and lows still in it. */
class ExplorerChartSeriesTest {
    private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");

    private static ExplorerMessage at(long millis, String topic, double value) {
        return new ExplorerMessage(START.plusMillis(millis), topic, ("temperature: " + value)
                .getBytes(StandardCharsets.UTF_8), 0, false, Mqtt5Details.NONE);
    }

    @Test
    void aSecondOfWindowAtAThousandPointsASecondIsKeptAndDrawnDecimatedWithItsExtremes() {
        ChartSeries series = new ChartSeries("s/+", ValueExtractor.parse(""), 10);
        for (long ms = 0; ms < 30_000; ms++) { // 30 s at 1 000/s, one frame's flush every 16 ms
            double value = ms == 25_000 ? 500 : ms == 27_000 ? -500 : Math.sin(ms / 300.0) * 10;
            series.offer(at(ms, "s/" + (ms % 2), value));
            series.offer(at(ms, "other", 1e6)); // not the series' topic
            if (ms % 16 == 0) {
                series.flush();
            }
        }
        series.flush();
        assertThat(series.points()).isBetween(10_000, 10_001); // the 10 s window, not the 30 s sent
        assertThat(series.time(0)).isGreaterThanOrEqualTo(series.time(series.points() - 1) - 10);
        assertThat(series.pointsShown()).isBetween(ChartSeries.BUCKETS, 2 * ChartSeries.BUCKETS + 2);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int i = 0; i < series.pointsShown(); i++) {
            low = Math.min(low, series.data().get(1, i));
            high = Math.max(high, series.data().get(1, i));
            if (i > 0) {
                assertThat(series.data().get(0, i)).isGreaterThanOrEqualTo(series.data().get(0, i - 1));
            }
        }
        assertThat(low).isEqualTo(-500);
        assertThat(high).isEqualTo(500);
    }

    @Test
    void aFloodFasterThanTheBoundKeepsTheLatestPointsOnly() {
        ChartSeries series = new ChartSeries("fast", ValueExtractor.parse(""), 600);
        int sent = ChartSeries.MAX_POINTS + 5_000;
        for (int i = 0; i < sent; i++) {
            series.offer(at(i / 10, "fast", i));
        }
        series.flush();
        assertThat(series.points()).isEqualTo(ChartSeries.MAX_POINTS);
        assertThat(series.value(0)).isEqualTo(5_000);
        assertThat(series.value(ChartSeries.MAX_POINTS - 1)).isEqualTo(sent - 1);
        assertThat(series.pointsShown()).isLessThanOrEqualTo(2 * ChartSeries.BUCKETS + 2);
    }

    @Test
    void zoomedInASeriesShowsEveryPointOfTheRangeAndTheNeighboursOutsideThenTheWindowAgain() {
        ChartSeries series = new ChartSeries("z", ValueExtractor.parse(""), 60);
        for (long ms = 0; ms < 60_000; ms++) {
            series.offer(at(ms, "z", ms));
        }
        series.flush();
        assertThat(series.pointsShown()).isLessThanOrEqualTo(2 * ChartSeries.BUCKETS + 2);
        double from = START.plusMillis(30_000).toEpochMilli() / 1000.0;
        series.zoom(from, from + 0.5); // half a second: 500 points, each one shown
        series.flush();
        assertThat(series.pointsShown()).isEqualTo(502);
        assertThat(series.data().get(1, 0)).isEqualTo(29_999);
        assertThat(series.data().get(1, 501)).isEqualTo(30_500);
        series.unzoom();
        series.flush();
        assertThat(series.pointsShown()).isLessThanOrEqualTo(2 * ChartSeries.BUCKETS + 2)
                .isGreaterThan(ChartSeries.BUCKETS);
        assertThat(series.data().get(1, 0)).isEqualTo(0);
    }
}

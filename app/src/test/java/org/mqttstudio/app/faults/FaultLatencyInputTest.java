package org.mqttstudio.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the latency dialog takes: whole milliseconds from 1 to a minute, and one clear line for anything else. */
class FaultLatencyInputTest {
    @Test
    void wholeMillisecondsWithinAMinuteAreTaken() {
        assertThat(LatencyDialog.problem(" 750 ")).isEmpty();
        assertThat(LatencyDialog.parse(" 750 ")).isEqualTo(Duration.ofMillis(750));
        assertThat(LatencyDialog.parse("60000")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anythingElseSaysWhatIsWrong() {
        assertThat(LatencyDialog.problem("")).isEqualTo("Type the latency in milliseconds (1 to 60000).");
        assertThat(LatencyDialog.problem("1.5")).isEqualTo("'1.5' is not a whole number of milliseconds.");
        assertThat(LatencyDialog.problem("0"))
                .isEqualTo("The latency must be from 1 to 60000 ms, not 0 (Remove latency takes it away).");
        assertThat(LatencyDialog.problem("60001")).startsWith("The latency must be from 1 to 60000 ms, not 60001");
        assertThatThrownBy(() -> LatencyDialog.parse("-3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -3");
    }
}

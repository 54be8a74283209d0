package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.RestartTimeout;

class BackoffTest {
    private static Stream<Long> seconds(Backoff backoff, int attempts) {
        return Stream.generate(backoff::next).limit(attempts).map(Duration::toSeconds);
    }

    @Test
    void mosquittoDefaultDoublesFromFiveUpToThirty() {
        assertThat(seconds(new Backoff(null), 6)).containsExactly(5L, 10L, 20L, 30L, 30L, 30L);
    }

    @Test
    void aSingleValueIsAConstantDelay() {
        assertThat(seconds(new Backoff(new RestartTimeout(2, null)), 3)).containsExactly(2L, 2L, 2L);
    }

    @Test
    void resetStartsOverAtTheBase() {
        Backoff backoff = new Backoff(new RestartTimeout(1, 8));
        assertThat(seconds(backoff, 5)).containsExactly(1L, 2L, 4L, 8L, 8L);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }
}

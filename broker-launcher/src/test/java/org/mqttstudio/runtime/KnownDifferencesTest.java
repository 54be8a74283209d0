package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.mqttstudio.runtime.KnownDifferences.Bounds;

class KnownDifferencesTest {

    @Test
    void theTextsStateTheBoundsTheTestsMeasureAgainst() {
        assertThat(KnownDifferences.about(KnownDifferences.KEEPALIVE).orElseThrow())
                .satisfies(d -> assertThat(d.mosquitto()).contains("dropped 0.5 to 7.5 s after its CONNACK"))
                .satisfies(d -> assertThat(d.embedded()).contains("after 1 to 1.5 × its keepalive"));
        assertThat(KnownDifferences.about(KnownDifferences.IN_FLIGHT).orElseThrow())
                .satisfies(d -> assertThat(d.mosquitto()).contains("(default 20)"))
                .satisfies(d -> assertThat(d.embedded()).contains("(1 to 4 of 5 or 6 sent first"));
        assertThat(KnownDifferences.about(KnownDifferences.QUEUE_CONNECTED).orElseThrow())
                .satisfies(d -> assertThat(d.mosquitto()).contains("(measured 5 + 3 of 10)"))
                .satisfies(d -> assertThat(d.embedded()).contains("(measured 3 of 10)"));
    }

    @Test
    void boundsHoldTheirEnds() {
        Bounds b = new Bounds(1, 1.5);
        assertThat(b.contains(1)).isTrue();
        assertThat(b.contains(1.5)).isTrue();
        assertThat(b.contains(1.51)).isFalse();
        assertThat(b.contains(0.99)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Bounds(2, 1));
    }
}

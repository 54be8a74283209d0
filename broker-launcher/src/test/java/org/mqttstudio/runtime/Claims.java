package org.mqttstudio.runtime;

import org.mqttstudio.runtime.KnownDifferences.Difference;
import org.mqttstudio.runtime.TwoRuntimes.Runtime;

/**
 * What {@link KnownDifferences} says a runtime does, as the description of the assertion that measures it:
 * a failing measurement prints the claim it broke, and a claim the list lacks fails the test.
 */
final class Claims {
    private Claims() {
    }

    static String of(String topic, Runtime runtime) {
        Difference d = KnownDifferences.about(topic)
                .orElseThrow(() -> new AssertionError("KnownDifferences lists nothing about " + topic));
        return topic + ", " + runtime + ": " + (runtime == Runtime.MOSQUITTO ? d.mosquitto() : d.embedded());
    }
}

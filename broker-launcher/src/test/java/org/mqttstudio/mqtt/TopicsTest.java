package org.mqttstudio.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            srv/#              | srv/humidity        | true
            srv/#              | srv                 | true
            srv/#              | srvx/a              | false
            srv/+              | srv/humidity        | true
            srv/+              | srv/a/b             | false
            srv/+              | srv/                | true
            +/+                | /finance            | true
            /+                 | /finance            | true
            +                  | /finance            | false
            #                  | a/b/c               | true
            #                  | $SYS/broker/uptime  | false
            +/broker/uptime    | $SYS/broker/uptime  | false
            $SYS/#             | $SYS/broker/uptime  | true
            $SYS/+/uptime      | $SYS/broker/uptime  | true
            a//c               | a//c                | true
            a/+/c              | a//c                | true
            a/b                | a/b/                | false
            sport/tennis/#     | sport/tennis        | true
            Srv/#              | srv/a               | false
            """)
    void matchesAsMqttDefines(String filter, String topic, boolean expected) {
        assertThat(Topics.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "filter {0} valid={1}")
    @CsvSource(delimiter = '|', textBlock = """
            srv/#      | true
            #          | true
            +/+/#      | true
            a/#/b      | false
            a#         | false
            a/b+       | false
            ''         | false
            /          | true
            """)
    void validatesFilters(String filter, boolean valid) {
        assertThat(Topics.isValidFilter(filter)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "topic {0} valid={1}")
    @CsvSource(delimiter = '|', textBlock = """
            srv/humidity | true
            srv/+        | false
            srv/#        | false
            ''           | false
            $SYS/x       | true
            """)
    void validatesTopicNames(String topic, boolean valid) {
        assertThat(Topics.isValidTopicName(topic)).isEqualTo(valid);
    }
}

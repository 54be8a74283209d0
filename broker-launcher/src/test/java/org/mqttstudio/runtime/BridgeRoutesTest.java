package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.BridgeRule;
import org.mqttstudio.topology.Direction;

class BridgeRoutesTest {
    private static final byte[] PAYLOAD = "p".getBytes(StandardCharsets.UTF_8);

    private static BridgeMessage message(String topic, int qos, boolean retain) {
        return new BridgeMessage(topic, PAYLOAD, qos, retain);
    }

    private static String describe(Optional<BridgeMessage> message) {
        return message.map(m -> m.topic() + " qos" + m.qos() + (m.retain() ? " retained" : "")).orElse("dropped");
    }

    @Test
    void outSwapsTheLocalPrefixForTheRemoteOneAndCapsQos() {
        BridgeRoutes routes = new BridgeRoutes(List.of(new BridgeRule("a/#", Direction.OUT, 1, "loc/", "rem/")));

        assertThat(describe(routes.outbound(message("loc/a/b", 2, true)))).isEqualTo("rem/a/b qos1 retained");
        assertThat(describe(routes.outbound(message("loc/a/b", 0, false)))).isEqualTo("rem/a/b qos0");
        assertThat(describe(routes.inbound(message("rem/a/b", 2, false)))).isEqualTo("dropped");
    }

    @Test
    void inSwapsTheRemotePrefixForTheLocalOne() {
        BridgeRoutes routes = new BridgeRoutes(List.of(new BridgeRule("x", Direction.IN, 2, "here/", null)));

        assertThat(describe(routes.inbound(message("x", 2, false)))).isEqualTo("here/x qos2");
        assertThat(routes.outRules()).isEmpty();
    }

    @Test
    void prefixesJoinLiterallyAndTheFirstMatchingRuleWins() {
        BridgeRoutes routes = new BridgeRoutes(List.of(
                new BridgeRule("temp", Direction.BOTH, 0, "local", "remote"),
                new BridgeRule("#", Direction.BOTH, 2, null, "other/")));

        assertThat(describe(routes.outbound(message("localtemp", 2, false)))).isEqualTo("remotetemp qos0");
        assertThat(describe(routes.outbound(message("srv/t", 2, false)))).isEqualTo("other/srv/t qos2");
        assertThat(describe(routes.inbound(message("remotetemp", 1, false)))).isEqualTo("localtemp qos0");
    }
}

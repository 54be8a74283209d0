package org.mqttstudio.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mqttstudio.app.StudioFolders;
import org.mqttstudio.explorer.ConnectionProfile;
import org.mqttstudio.topology.ExternalBroker;
import org.mqttstudio.topology.Position;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;

/** Where "Explore" on a canvas node connects, designed and while a run moves the ports. */
class ExploreTargetTest {
    private final Topology challenge = read();

    private static Topology read() {
        try {
            return new TopologyJson().read(StudioFolders.locate().samples().orElseThrow().resolve("challenge.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBrokerIsExploredOnLoopbackAtItsPortMovedByTheRunningOffset() {
        ConnectionProfile designed = ExploreTarget.of(challenge, "central", Optional.empty()).orElseThrow();
        assertThat(designed.address()).isEqualTo("mqtt://127.0.0.1:1884");
        assertThat(designed.name()).isEqualTo("Central");

        var running = Optional.of(new ExploreTarget.Running(challenge, 21000));
        assertThat(ExploreTarget.of(challenge, "central", running).orElseThrow().address())
                .isEqualTo("mqtt://127.0.0.1:22884");
    }

    @Test
    void anExternalBrokerAtItsAddressAndClientsNotAtAll() {
        Topology withExternal = challenge.withNode(new ExternalBroker("cloud", "Cloud", "broker.example", 8883,
                Position.ORIGIN));
        assertThat(ExploreTarget.of(withExternal, "cloud", Optional.empty()).orElseThrow().address())
                .isEqualTo("mqtt://broker.example:8883");
        String publisher = challenge.publishers().get(0).id();
        assertThat(ExploreTarget.of(challenge, publisher, Optional.empty())).isEmpty();
    }
}

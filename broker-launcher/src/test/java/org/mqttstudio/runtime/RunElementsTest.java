package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Samples;
import org.mqttstudio.topology.Topology;

/** Which challenge element a connection is, by node and client id, with mosquitto's default bridge ids. */
class RunElementsTest {
    private static final String HOST = "studio-host";
    private final Topology challenge = Samples.load("challenge");
    private final RunElements elements = RunElements.of(challenge, HOST);

    @Test
    void clientsAreFoundAtTheBrokerTheyConnectTo() {
        assertThat(elements.element("bridge-broker-2", "publisher2"))
                .isEqualTo(new RunElement("publisher2", RunElement.Kind.PUBLISHER));
        assertThat(elements.element("central", "subscriber_temperature"))
                .isEqualTo(new RunElement("temperature-subscriber", RunElement.Kind.SUBSCRIBER));
        assertThat(elements.element("central", "publisher2"))
                .as("the same client id at another broker is someone else")
                .isEqualTo(new RunElement("central", RunElement.Kind.OUTSIDE_CLIENT));
    }

    @Test
    void aBridgeIsFoundByItsRemoteIdAtItsTargetAndItsLocalIdAtItsOwnBroker() {
        String remote = challenge.bridge("bridge3_central").orElseThrow().effectiveRemoteClientId(HOST);
        assertThat(remote).contains(HOST);
        assertThat(elements.element("central", remote))
                .isEqualTo(new RunElement("bridge3_central", RunElement.Kind.BRIDGE));
        assertThat(elements.element("bridge-broker-3", "local." + remote))
                .isEqualTo(new RunElement("bridge3_central", RunElement.Kind.BRIDGE));
        assertThat(elements.element("bridge-broker-3", remote)).extracting(RunElement::kind)
                .isEqualTo(RunElement.Kind.OUTSIDE_CLIENT);
    }

    @Test
    void anUnknownClientIsOutsideAConnectionWithoutClientIdIsTheBrokersAndAnUnknownNodeIsAnError() {
        assertThat(elements.element("central", "mosquitto_sub-1234"))
                .isEqualTo(new RunElement("central", RunElement.Kind.OUTSIDE_CLIENT));
        assertThat(elements.element("central", null)).isEqualTo(new RunElement("central", RunElement.Kind.BROKER));
        assertThatThrownBy(() -> elements.element("nowhere", "publisher2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no broker 'nowhere' in this run");
    }
}

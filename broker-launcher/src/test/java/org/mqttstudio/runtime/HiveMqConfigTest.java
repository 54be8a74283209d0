package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.BrokerLimits;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

class HiveMqConfigTest {
    @Test
    void listenersBindLoopbackOnTheGivenPorts() {
        Map<Listener, Integer> ports = new LinkedHashMap<>();
        ports.put(Listener.mqtt(1883), 41883);
        ports.put(new Listener(9001, Protocol.WEBSOCKETS, "0.0.0.0"), 49001);

        String xml = HiveMqConfig.xml(ports, false, BrokerLimits.DEFAULT);

        assertThat(xml)
                .contains("<tcp-listener><port>41883</port><bind-address>127.0.0.1</bind-address>")
                .contains("<websocket-listener><port>49001</port><bind-address>127.0.0.1</bind-address>"
                        + "<path>/mqtt</path>")
                .doesNotContain(">1883<", ">9001<", "0.0.0.0")
                .contains("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>");
    }

    @Test
    void persistenceIsInMemoryUnlessAskedFor() {
        Map<Listener, Integer> ports = Map.of(Listener.mqtt(1883), 41883);

        assertThat(HiveMqConfig.xml(ports, false, BrokerLimits.DEFAULT))
                .contains("<persistence><mode>in-memory</mode></persistence>");
        assertThat(HiveMqConfig.xml(ports, true, BrokerLimits.DEFAULT))
                .contains("<persistence><mode>file</mode></persistence>");
    }

    @Test
    void unsetLimitsAreMosquittosDefaults() {
        String xml = HiveMqConfig.xml(Map.of(Listener.mqtt(1883), 41883), false, BrokerLimits.DEFAULT);

        assertThat(xml)
                .contains("<max-queue-size>1000</max-queue-size><strategy>discard</strategy>")
                .contains("<retained-messages><enabled>true</enabled></retained-messages>")
                .contains("<max-qos>2</max-qos>")
                .contains("<server-receive-maximum>20</server-receive-maximum>"); // HiveMQ's own default is 10
    }

    @Test
    void setLimitsAreApplied() {
        String xml = HiveMqConfig.xml(Map.of(Listener.mqtt(1883), 41883), false,
                new BrokerLimits(1, 5, 3, true, false));

        assertThat(xml)
                .contains("<max-queue-size>3</max-queue-size>")
                .contains("<retained-messages><enabled>false</enabled></retained-messages>")
                .contains("<max-qos>1</max-qos>")
                .contains("<server-receive-maximum>5</server-receive-maximum>");
    }

    @Test
    void zeroMeansNoMaximumAsInMosquitto() {
        String xml = HiveMqConfig.xml(Map.of(Listener.mqtt(1883), 41883), false,
                new BrokerLimits(null, 0, 0, null, null));

        assertThat(xml)
                .contains("<max-queue-size>" + Integer.MAX_VALUE + "</max-queue-size>")
                .contains("<server-receive-maximum>65535</server-receive-maximum>");
    }
}

package org.mqttstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Protocol;

class HiveMqConfigTest {
    @Test
    void listenersBindLoopbackOnTheGivenPorts() {
        Map<Listener, Integer> ports = new LinkedHashMap<>();
        ports.put(Listener.mqtt(1883), 41883);
        ports.put(new Listener(9001, Protocol.WEBSOCKETS, "0.0.0.0"), 49001);

        String xml = HiveMqConfig.xml(ports, false);

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

        assertThat(HiveMqConfig.xml(ports, false)).contains("<persistence><mode>in-memory</mode></persistence>");
        assertThat(HiveMqConfig.xml(ports, true)).contains("<persistence><mode>file</mode></persistence>");
    }
}

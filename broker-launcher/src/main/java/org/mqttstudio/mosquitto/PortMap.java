package org.mqttstudio.mosquitto;

import org.mqttstudio.topology.Broker;
import org.mqttstudio.topology.Listener;
import org.mqttstudio.topology.Node;

/**
 * Where the written files put each broker's listeners and where its bridges connect: the export
 * shifts every port by one offset ({@link #offset}); the Studio's mosquitto runtime puts each broker
 * on an internal port and points bridges at the wire taps in front of the other brokers.
 */
public interface PortMap {
    /** The port {@code listener} of {@code broker} is written with. */
    int listenerPort(Broker broker, Listener listener);

    /** The {@code address} line's {@code host:port} of a bridge to {@code target}. */
    String bridgeAddress(Node target);

    /** Every listener and every bridge address of a topology broker shifted by {@code offset}. */
    static PortMap offset(int offset) {
        return new PortMap() {
            @Override
            public int listenerPort(Broker broker, Listener listener) {
                return Ports.shift(listener.port(), offset);
            }

            @Override
            public String bridgeAddress(Node target) {
                return Ports.address(target, offset);
            }
        };
    }
}

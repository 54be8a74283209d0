package org.mqttstudio.app.flows;

import java.util.Objects;
import org.mqttstudio.trace.FlowHop;

/** Who is at either end of a hop: the node whose tap saw it, and the client side of that connection. */
public interface Participants {

    /** The client end of a hop, and the bridge whose client it is (null for a plain client). */
    record ClientSide(Participant participant, String bridge) {
        public ClientSide {
            Objects.requireNonNull(participant, "participant");
        }
    }

    Participant node(String nodeId);

    ClientSide clientSide(FlowHop hop);
}

package org.mqttstudio.check;

import java.util.List;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.topology.Topology;

/** One group of related pitfalls. */
interface Check {
    List<Finding> run(Topology t, RouteTable routes);
}

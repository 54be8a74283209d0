package org.mqttstudio.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one message went: the deliveries, the brokers reached with the topic seen there, the
 * reasons it went no further, and the loops it ran into.
 *
 * @param reached broker id to the topics the message had there, in the order first reached
 */
record Trace(List<Route> routes, Map<String, Set<String>> reached, List<String> stops, List<Loop> loops) {
}

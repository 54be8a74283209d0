package org.mqttstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mqttstudio.routing.Arrival;
import org.mqttstudio.routing.OverlapPolicy;
import org.mqttstudio.routing.RouteTable;
import org.mqttstudio.routing.RouteTableText;
import org.mqttstudio.routing.Router;
import org.mqttstudio.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "routes", description = "Show who receives what: every publisher's topic, the subscribers it "
        + "reaches, over which brokers and bridges, at which QoS; how many copies each runtime sends a subscriber "
        + "with overlapping filters; and what reaches nobody, with the reason.")
final class RoutesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Topology file (.json).")
    Path file;

    @Option(names = "--json", description = "Print the route table as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        Topology topology = Inputs.topology(file);
        RouteTable table = new Router().routes(topology);
        if (json) {
            ObjectMapper mapper = JsonMapper.builder().build();
            ObjectNode root = mapper.valueToTree(table);
            ArrayNode overlaps = root.putArray("overlaps");
            table.arrivals().stream().filter(Arrival::overlapping).forEach(a -> {
                ObjectNode o = overlaps.addObject().put("publisherId", a.publisherId())
                        .put("subscriberId", a.subscriberId()).put("topic", a.topic());
                a.filters().forEach(o.putArray("filters")::add);
                o.putObject("copies").put("embedded", a.copies(OverlapPolicy.ONE_COPY))
                        .put("mosquitto", a.copies(OverlapPolicy.COPY_PER_SUBSCRIPTION));
            });
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            spec.commandLine().getOut().print(RouteTableText.format(topology, table));
        }
        return 0;
    }
}

package org.mqttstudio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mqttstudio.check.Checker;
import org.mqttstudio.mosquitto.MosquittoConfException;
import org.mqttstudio.mosquitto.MosquittoConfReader;
import org.mqttstudio.topology.Topology;
import org.mqttstudio.topology.TopologyJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Read mosquitto.conf files (one per broker, with the include_dir, "
        + "password and ACL files they name) into a topology file.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONF", arity = "1..*", description = "mosquitto.conf files, one per broker.")
    List<Path> confs;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Topology file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology;
        try {
            topology = new MosquittoConfReader().read(confs);
        } catch (MosquittoConfException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            new TopologyJson().write(topology, out);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote %s: %d brokers, %d external brokers, %d bridges; checker: %s%n", out,
                topology.brokers().size(), topology.externalBrokers().size(), topology.bridges().size(),
                FindingText.summary(new Checker().check(topology)));
        return 0;
    }
}

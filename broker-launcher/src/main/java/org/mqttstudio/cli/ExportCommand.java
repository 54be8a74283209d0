package org.mqttstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Finding;
import org.mqttstudio.check.Severity;
import org.mqttstudio.mosquitto.BundleWriter;
import org.mqttstudio.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Write mosquitto files: a folder per broker (mosquitto.conf, passwd, acl) "
        + "and start-all.sh / stop-all.sh.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Topology file (.json).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the bundle to.")
    Path out;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Add N to every listener port and bridge address (to run beside a broker on 1883).")
    int portOffset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = Inputs.topology(file);
        List<Finding> errors = new Checker().check(topology).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        if (topology.brokers().stream().anyMatch(b -> b.listeners().stream()
                .anyMatch(l -> l.port() + portOffset < 1 || l.port() + portOffset > 65535))) {
            throw new UserError("--port-offset " + portOffset + " moves a listener port outside 1..65535", null);
        }
        List<Path> written;
        try {
            written = new BundleWriter().write(topology, out, portOffset);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write the bundle: " + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        written.forEach(p -> w.println(out.resolve(p)));
        w.printf("wrote %d files for %d brokers to %s; start them with %s%n", written.size(),
                topology.brokers().size(), out, out.resolve("start-all.sh"));
        if (!errors.isEmpty()) {
            spec.commandLine().getErr().printf("studio: warning: the topology has %d error(s) (see 'studio validate %s');"
                    + " mosquitto may refuse these files or misroute messages%n", errors.size(), file);
        }
        return 0;
    }
}

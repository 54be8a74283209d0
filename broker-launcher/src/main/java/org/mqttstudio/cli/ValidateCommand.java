package org.mqttstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mqttstudio.check.Checker;
import org.mqttstudio.check.Finding;
import org.mqttstudio.check.Severity;
import org.mqttstudio.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = {"Check a topology before running it.",
    "Exit code 0: no errors (warnings may be printed); 2: errors, or the file cannot be read."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Topology file (.json).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = Inputs.topology(file);
        List<Finding> findings = new Checker().check(topology);
        PrintWriter out = spec.commandLine().getOut();
        FindingText.print(out, topology, findings);
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? StudioCli.BAD_INPUT : 0;
    }
}

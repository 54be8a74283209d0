package org.mqttstudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code studio} command line: parse, call the library, print. One class per subcommand. */
@Command(name = "studio", mixinStandardHelpOptions = true, version = "MQTT Topology Studio 0.1.0",
        description = "Design, check and export MQTT broker topologies (mosquitto bridges).",
        subcommands = {ValidateCommand.class, RoutesCommand.class, ExportCommand.class, ImportCommand.class,
            RunCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class StudioCli implements Runnable {
    /** Exit code for bad input: a file that cannot be read, or a topology with errors. */
    static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for failures (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** A configured command line writing to {@code out} and {@code err} (tests use their own writers). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StudioCli());
        cli.getSubcommands().values().stream()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> sub.addMixin("help", CommandLine.Model.CommandSpec.forAnnotatedObject(new HelpOption())));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof UserError || e instanceof CommandLine.ParameterException
                ? BAD_INPUT : 1);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // --debug is inherited: it may have been given after any subcommand.
            boolean debug = parsed.asCommandLineList().stream()
                    .anyMatch(c -> c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug"));
            if (debug) {
                e.printStackTrace(cmd.getErr());
            }
            if (e instanceof UserError) {
                cmd.getErr().println("studio: " + e.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("studio: internal error: " + e
                    + (debug ? "" : " (run again with --debug for details)"));
            return 1;
        });
        return cli;
    }
}

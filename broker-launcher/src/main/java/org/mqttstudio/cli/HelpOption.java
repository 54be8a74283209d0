package org.mqttstudio.cli;

import picocli.CommandLine.Option;

/** A subcommand's {@code -h}/{@code --help}: its usage and exit 0, even when its required arguments are missing. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean requested;
}

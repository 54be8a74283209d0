package org.mqttstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code [--screenshot OUT.png] [TOPOLOGY.json]}.
 *
 * @param topology the file to open at start, if any
 * @param screenshot where to save a PNG of the window before exiting, if any
 */
public record StudioOptions(Optional<Path> topology, Optional<Path> screenshot) {
    public static final String USAGE = "usage: studio [--screenshot OUT.png] [TOPOLOGY.json]";

    public static StudioOptions parse(String... args) {
        return parse(List.of(args));
    }

    /** Throws IllegalArgumentException with a one-line reason for a bad command line. */
    public static StudioOptions parse(List<String> args) {
        Path topology = null;
        Path screenshot = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--screenshot")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--screenshot needs the PNG file to write");
                }
                screenshot = Path.of(args.get(++i));
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else if (topology != null) {
                throw new IllegalArgumentException("only one topology file can be opened, not '" + topology
                        + "' and '" + arg + "'");
            } else {
                topology = Path.of(arg);
            }
        }
        return new StudioOptions(Optional.ofNullable(topology), Optional.ofNullable(screenshot));
    }
}
